/**
 * The optional FFmpeg-backed video decoder: {@link dev.winnow.video.ffmpeg.FfmpegVideoDecoder}
 * reads AVI, Matroska and WebM and every codec FFmpeg decodes, and registers itself with
 * {@link dev.winnow.media.VideoDecoders} through {@link java.util.ServiceLoader} when this module
 * is on the class path.
 */
package dev.winnow.video.ffmpeg;
