/** Nothing in this package takes or returns null unless marked {@code @Nullable}. */
@NullMarked
package dev.winnow.cli;

import org.jspecify.annotations.NullMarked;
