/**
 * The FFmpeg-backed video decoder of the standard build: {@link dev.winnow.video.ffmpeg.FfmpegVideoDecoder}
 * reads MP4/MOV, AVI, Matroska and WebM with every codec FFmpeg decodes, and registers itself with
 * {@link dev.winnow.media.VideoDecoders} through {@link java.util.ServiceLoader} when this module
 * is on the class path. Nothing in this package takes or returns null unless marked
 * {@code @Nullable}.
 */
@NullMarked
package dev.winnow.video.ffmpeg;

import org.jspecify.annotations.NullMarked;
