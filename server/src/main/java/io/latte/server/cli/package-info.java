/**
 * The {@code latte} command line: one picocli command per verb, each parsing its options and
 * making one library call. Errors reach the user as a single line and a non-zero exit code.
 */
package io.latte.server.cli;
