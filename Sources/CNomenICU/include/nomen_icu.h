// The project's only window on ICU. This header uses plain C types (stdint) and
// nothing of ICU, so Swift modules that import it can import Foundation too.
// Every function reports failures through an int32_t status: 0 is success, a
// negative value is a warning, a positive value is an ICU UErrorCode.
#ifndef NOMEN_ICU_H
#define NOMEN_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The ICU version this library runs against, e.g. "72.1".
const char *nomen_icu_version(void);
/// A readable name for an ICU status code ("U_BUFFER_OVERFLOW_ERROR").
const char *nomen_icu_error_name(int32_t status);

// MARK: Normalization (unorm2; the instances are process-wide and thread-safe)

enum {
    NOMEN_NORM_NFC = 0,
    NOMEN_NORM_NFD = 1,
    NOMEN_NORM_NFKC = 2,
    NOMEN_NORM_NFKD = 3,
    NOMEN_NORM_NFKC_CASEFOLD = 4,
};

/// Normalizes `src` into `dst`; returns the length needed (which may exceed `cap`,
/// with *status set to the overflow error, so callers retry with a larger buffer).
int32_t nomen_normalize(int32_t form, const uint16_t *src, int32_t len,
                        uint16_t *dst, int32_t cap, int32_t *status);
/// 1 when `src` is already in the form, 0 when not, -1 on error.
int32_t nomen_is_normalized(int32_t form, const uint16_t *src, int32_t len, int32_t *status);

// MARK: Character properties

/// ICU general category (UCharCategory) of a code point.
int32_t nomen_char_category(uint32_t c);
/// Simple lowercase mapping of a code point.
uint32_t nomen_char_to_lower(uint32_t c);
/// 1 when the code point is uppercase or titlecase, 0 otherwise.
int32_t nomen_char_is_upper(uint32_t c);
/// 1 when the code point is lowercase.
int32_t nomen_char_is_lower(uint32_t c);
/// UScriptCode of a code point (0 Common, 1 Inherited, ...).
int32_t nomen_script_of(uint32_t c);
/// Short ISO 15924 name of a script code ("Latn", "Cyrl", "Arab", "Hani").
const char *nomen_script_short_name(int32_t script);
/// Long name of a script code ("Latin", "Cyrillic").
const char *nomen_script_long_name(int32_t script);
/// Script code for an ISO 15924 short name or long name, -1 if unknown.
int32_t nomen_script_code(const char *name);

// MARK: Transliteration (utrans; an instance is NOT thread-safe: one per thread, or clone)

typedef struct NomenTransliterator NomenTransliterator;

/// Opens a system transliterator by ID ("Russian-Latin/BGN", "Any-Latin; Latin-ASCII").
NomenTransliterator *nomen_translit_open(const uint16_t *id, int32_t id_len, int32_t *status);
/// Compiles a transliterator from rule text. On a syntax error returns NULL, sets
/// *status, and sets *error_line (1-based) and *error_offset (0-based in that line).
NomenTransliterator *nomen_translit_open_rules(const uint16_t *id, int32_t id_len,
                                               const uint16_t *rules, int32_t rules_len,
                                               int32_t *error_line, int32_t *error_offset,
                                               int32_t *status);
/// An independent copy, safe to use on another thread.
NomenTransliterator *nomen_translit_clone(const NomenTransliterator *t, int32_t *status);
/// Transliterates `buf[0..<len]` in place; returns the new length. When the result
/// does not fit in `cap`, returns the length needed with *status set to the
/// overflow error and leaves `buf` unspecified: retry with a larger buffer.
int32_t nomen_translit_apply(NomenTransliterator *t, uint16_t *buf, int32_t len,
                             int32_t cap, int32_t *status);
void nomen_translit_close(NomenTransliterator *t);
/// Number of system transliterator IDs and the i-th ID (UTF-16, returns its length).
int32_t nomen_translit_count_ids(void);
int32_t nomen_translit_id_at(int32_t index, uint16_t *dst, int32_t cap);

// MARK: Word segmentation (ubrk; an instance is NOT thread-safe)

typedef struct NomenBreakIterator NomenBreakIterator;

/// A word break iterator for a locale ("" for root; ICU uses its dictionaries
/// for Chinese, Japanese, Thai, Lao, Khmer and Burmese whatever the locale).
NomenBreakIterator *nomen_break_open_word(const char *locale, int32_t *status);
/// Sets the text; the iterator keeps a pointer: `text` must outlive its use.
void nomen_break_set_text(NomenBreakIterator *b, const uint16_t *text, int32_t len, int32_t *status);
/// The first boundary (0).
int32_t nomen_break_first(NomenBreakIterator *b);
/// The next boundary in UTF-16 units, or -1 at the end.
int32_t nomen_break_next(NomenBreakIterator *b);
/// Rule status of the segment ending at the current boundary: 0 none (spaces,
/// punctuation), 100.. number, 200.. letter, 300.. kana, 400.. ideographic.
int32_t nomen_break_rule_status(NomenBreakIterator *b);
void nomen_break_close(NomenBreakIterator *b);

// MARK: Confusables (uspoof)

typedef struct NomenSpoofChecker NomenSpoofChecker;

NomenSpoofChecker *nomen_spoof_open(int32_t *status);
/// The confusable skeleton of `src` (UTS #39); returns the length needed.
int32_t nomen_spoof_skeleton(const NomenSpoofChecker *s, const uint16_t *src, int32_t len,
                             uint16_t *dst, int32_t cap, int32_t *status);
/// Nonzero when `src` mixes scripts in a way UTS #39 flags as suspicious.
int32_t nomen_spoof_check(const NomenSpoofChecker *s, const uint16_t *src, int32_t len, int32_t *status);
void nomen_spoof_close(NomenSpoofChecker *s);

#ifdef __cplusplus
}
#endif

#endif
