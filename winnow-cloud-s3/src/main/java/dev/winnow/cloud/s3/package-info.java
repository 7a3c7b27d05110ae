/** Nothing in this package takes or returns null unless marked {@code @Nullable}. */
@NullMarked
package dev.winnow.cloud.s3;

import org.jspecify.annotations.NullMarked;
