/** Nothing in this package takes or returns null unless marked {@code @Nullable}. */
@NullMarked
package dev.winnow.convert.probmaps;

import org.jspecify.annotations.NullMarked;
