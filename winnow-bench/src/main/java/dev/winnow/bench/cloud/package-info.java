/** Nothing in this package takes or returns null unless marked {@code @Nullable}. */
@NullMarked
package dev.winnow.bench.cloud;

import org.jspecify.annotations.NullMarked;
