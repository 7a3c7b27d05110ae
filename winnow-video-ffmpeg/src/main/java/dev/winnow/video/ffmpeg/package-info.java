/**
 * The FFmpeg-backed video decoder of the standard build: {@link dev.winnow.video.ffmpeg.FfmpegVideoDecoder}
 * reads MP4/MOV, AVI, Matroska and WebM with every codec FFmpeg decodes, and registers itself with
 * {@link dev.winnow.media.VideoDecoders} through {@link java.util.ServiceLoader} when this module
 * is on the class path.
 */
package dev.winnow.video.ffmpeg;
