/**
 * {@code latte demo}: the whole pipeline on the team-written sample collection that ships in this
 * jar (classpath {@code /sample/}): encode, search in each mode, show the token-level matches of a
 * hit, and score every mode with the same metrics as {@code latte eval}.
 */
package io.latte.eval.demo;
