#ifndef CREADLINE_SHIM_H
#define CREADLINE_SHIM_H
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>

/* readline's globals are set through these helpers, so Swift 6 never touches mutable C globals directly.
   Only the terminal front end (ReadlineReader.swift) includes this module. */

static inline void creadline_set_name(const char *name) { rl_readline_name = name; }

static inline void creadline_set_completion(rl_completion_func_t *function, const char *word_breaks) {
    rl_attempted_completion_function = function;
    rl_completer_word_break_characters = (char *)word_breaks;
    rl_basic_word_break_characters = (char *)word_breaks;
}

/* Quoted file names (`load my\ ch<Tab>`, `load "my ch<Tab>`): readline finds the word after an open quote or
   the last unquoted word-break character (is_quoted says which characters quotes or a backslash protect),
   and writes a completed file name back through quote (called when the name holds one of
   filename_quote_characters) so the command line's tokenizer reads it as one word. */
static inline void creadline_set_quoting(const char *quote_characters, const char *filename_quote_characters,
                                         rl_linebuf_func_t *is_quoted, rl_quote_func_t *quote,
                                         rl_dequote_func_t *unquote) {
    rl_completer_quote_characters = quote_characters;
    rl_filename_quote_characters = filename_quote_characters;
    rl_char_is_quoted_p = is_quoted;
    rl_filename_quoting_function = quote;
    rl_filename_dequoting_function = unquote;
}

/* Inside the completion function: no fallback to readline's own filename completion, and the character
   after a sole match (0 for none, after `key=` or `dir/`). */
static inline void creadline_completion_flags(int append_character, int filenames) {
    rl_attempted_completion_over = 1;
    rl_completion_append_character = append_character;
    rl_filename_completion_desired = filenames;
}

/* Whether readline itself ends the line when Ctrl-D ends input: readline 8.1 and later print a newline after
   leaving bracketed-paste mode on EOF (the mode is off for dumb terminals or in ~/.inputrc). */
static inline int creadline_newline_at_eof(void) {
    if (rl_readline_version < 0x0801) return 0;
    const char *mode = rl_variable_value("enable-bracketed-paste");
    return mode != NULL && strcmp(mode, "on") == 0;
}

static inline char *creadline_line_buffer(void) { return rl_line_buffer; }
static inline int creadline_point(void) { return rl_point; }

/* Ctrl-C: readline keeps catching SIGINT (it restores the terminal and echoes ^C); our handler only records
   it, and readline's signal event hook, called back in ordinary (non-signal) context, clears the line and
   shows a fresh prompt. Outside readline (a command running), the first Ctrl-C says it cannot interrupt, the
   second exits with 130 at once. Nothing is lost by that exit: the history is written before every command
   runs (ReadlineReader.readLine), because in here only async-signal-safe calls may be made (no Swift, no
   malloc, no Foundation), and a flag for the main thread would be seen only once the command is over. */
static volatile sig_atomic_t creadline_sigint_pending = 0;
static volatile sig_atomic_t creadline_in_readline = 0;
static volatile sig_atomic_t creadline_busy_interrupts = 0;

static void creadline_sigint_handler(int signal_number) {
    (void)signal_number;
    if (creadline_in_readline) {
        creadline_sigint_pending = 1;
        return;
    }
    creadline_busy_interrupts += 1;
    if (creadline_busy_interrupts >= 2) _exit(130);
    static const char message[] = "\n(the command is still running; press Ctrl-C again to leave budget-advisor)\n";
    ssize_t ignored = write(2, message, sizeof message - 1);
    (void)ignored;
}

static int creadline_signal_event_hook(void) {
    if (creadline_sigint_pending) {
        creadline_sigint_pending = 0;
        rl_replace_line("", 0);
        rl_crlf();
        rl_on_new_line();
        rl_redisplay();
    }
    return 0;
}

static inline void creadline_install_interrupt_handling(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = creadline_sigint_handler;
    sigemptyset(&action.sa_mask);
    /* A command blocked in open() or read() (a slow disk, a pipe) carries on after the first Ctrl-C instead of
       failing with EINTR; readline installs its own handler while it reads a line, so this does not change
       how the prompt reacts. */
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, NULL);
    /* A parent may have left SIGINT blocked (the mask survives exec): unblock it, or Ctrl-C would do nothing. */
    sigset_t interrupt;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    sigprocmask(SIG_UNBLOCK, &interrupt, NULL);
    rl_catch_signals = 1;
    rl_signal_event_hook = creadline_signal_event_hook;
    /* A Ctrl-C that lands while readline is redisplaying (not blocked in read) is handled without
       interrupting the next read, so the signal hook alone could wait for the next key: the event hook,
       called about ten times a second while readline waits for input, picks the pending flag up. */
    rl_event_hook = creadline_signal_event_hook;
}

/* readline() with the Ctrl-C state kept right: returns malloc'd memory (free it) or NULL for Ctrl-D. */
static inline char *creadline_readline(const char *prompt) {
    creadline_sigint_pending = 0;
    creadline_busy_interrupts = 0;
    creadline_in_readline = 1;
    char *line = readline(prompt);
    creadline_in_readline = 0;
    return line;
}

#endif
