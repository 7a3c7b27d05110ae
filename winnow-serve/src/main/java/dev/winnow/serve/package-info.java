/** {@code winnow serve}: the index of a datasource, its JSON API and the pages over it. */
@NullMarked
package dev.winnow.serve;

import org.jspecify.annotations.NullMarked;
