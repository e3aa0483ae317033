#include "nomen_icu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uclean.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

// The opaque types of the header are ICU's own objects behind a cast.
struct NomenTransliterator;
struct NomenBreakIterator;
struct NomenSpoofChecker;

const char *nomen_icu_version(void) {
    static char text[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo v;
    u_getVersion(v);
    u_versionToString(v, text);
    return text;
}

const char *nomen_icu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

static const UNormalizer2 *normalizer(int32_t form, UErrorCode *status) {
    switch (form) {
    case NOMEN_NORM_NFC: return unorm2_getNFCInstance(status);
    case NOMEN_NORM_NFD: return unorm2_getNFDInstance(status);
    case NOMEN_NORM_NFKC: return unorm2_getNFKCInstance(status);
    case NOMEN_NORM_NFKD: return unorm2_getNFKDInstance(status);
    case NOMEN_NORM_NFKC_CASEFOLD: return unorm2_getNFKCCasefoldInstance(status);
    default: *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
    }
}

int32_t nomen_normalize(int32_t form, const uint16_t *src, int32_t len,
                        uint16_t *dst, int32_t cap, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = normalizer(form, &err);
    int32_t out = 0;
    if (U_SUCCESS(err)) out = unorm2_normalize(n, (const UChar *)src, len, (UChar *)dst, cap, &err);
    *status = err;
    return out;
}

int32_t nomen_is_normalized(int32_t form, const uint16_t *src, int32_t len, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = normalizer(form, &err);
    UBool yes = 0;
    if (U_SUCCESS(err)) yes = unorm2_isNormalized(n, (const UChar *)src, len, &err);
    *status = err;
    return U_SUCCESS(err) ? (yes ? 1 : 0) : -1;
}

int32_t nomen_char_category(uint32_t c) { return (int32_t)u_charType((UChar32)c); }
uint32_t nomen_char_to_lower(uint32_t c) { return (uint32_t)u_tolower((UChar32)c); }
int32_t nomen_char_is_upper(uint32_t c) { return u_isupper((UChar32)c) || u_istitle((UChar32)c); }
int32_t nomen_char_is_lower(uint32_t c) { return u_islower((UChar32)c); }

int32_t nomen_script_of(uint32_t c) {
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript((UChar32)c, &err);
    return U_SUCCESS(err) ? (int32_t)s : -1;
}

const char *nomen_script_short_name(int32_t script) {
    const char *n = uscript_getShortName((UScriptCode)script);
    return n ? n : "Zzzz";
}

const char *nomen_script_long_name(int32_t script) {
    const char *n = uscript_getName((UScriptCode)script);
    return n ? n : "Unknown";
}

int32_t nomen_script_code(const char *name) {
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode codes[4];
    int32_t n = uscript_getCode(name, codes, 4, &err);
    return (U_SUCCESS(err) && n > 0) ? (int32_t)codes[0] : -1;
}

NomenTransliterator *nomen_translit_open(const uint16_t *id, int32_t id_len, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UTransliterator *t = utrans_openU((const UChar *)id, id_len, UTRANS_FORWARD, NULL, 0, NULL, &err);
    *status = err;
    if (U_FAILURE(err)) { if (t) utrans_close(t); return NULL; }
    return (NomenTransliterator *)t;
}

NomenTransliterator *nomen_translit_open_rules(const uint16_t *id, int32_t id_len,
                                               const uint16_t *rules, int32_t rules_len,
                                               int32_t *error_line, int32_t *error_offset,
                                               int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UParseError pe;
    memset(&pe, 0, sizeof pe);
    UTransliterator *t = utrans_openU((const UChar *)id, id_len, UTRANS_FORWARD,
                                      (const UChar *)rules, rules_len, &pe, &err);
    *status = err;
    *error_line = pe.line;
    *error_offset = pe.offset;
    if (U_FAILURE(err)) { if (t) utrans_close(t); return NULL; }
    return (NomenTransliterator *)t;
}

NomenTransliterator *nomen_translit_clone(const NomenTransliterator *t, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UTransliterator *c = utrans_clone((const UTransliterator *)t, &err);
    *status = err;
    if (U_FAILURE(err)) { if (c) utrans_close(c); return NULL; }
    return (NomenTransliterator *)c;
}

int32_t nomen_translit_apply(NomenTransliterator *t, uint16_t *buf, int32_t len,
                             int32_t cap, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t text_len = len;
    int32_t limit = len;
    utrans_transUChars((UTransliterator *)t, (UChar *)buf, &text_len, cap, 0, &limit, &err);
    *status = err;
    return text_len;
}

void nomen_translit_close(NomenTransliterator *t) {
    if (t) utrans_close((UTransliterator *)t);
}

int32_t nomen_translit_count_ids(void) { return utrans_countAvailableIDs(); }

int32_t nomen_translit_id_at(int32_t index, uint16_t *dst, int32_t cap) {
    UErrorCode err = U_ZERO_ERROR;
    UEnumeration *e = utrans_openIDs(&err);
    if (U_FAILURE(err)) return 0;
    int32_t len = 0;
    const UChar *s = NULL;
    for (int32_t i = 0; i <= index; i++) {
        s = uenum_unext(e, &len, &err);
        if (!s || U_FAILURE(err)) { uenum_close(e); return 0; }
    }
    int32_t n = len < cap ? len : cap;
    memcpy(dst, s, (size_t)n * sizeof(UChar));
    uenum_close(e);
    return len;
}

NomenBreakIterator *nomen_break_open_word(const char *locale, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *b = ubrk_open(UBRK_WORD, locale, NULL, 0, &err);
    *status = err;
    if (U_FAILURE(err)) { if (b) ubrk_close(b); return NULL; }
    return (NomenBreakIterator *)b;
}

void nomen_break_set_text(NomenBreakIterator *b, const uint16_t *text, int32_t len, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText((UBreakIterator *)b, (const UChar *)text, len, &err);
    *status = err;
}

int32_t nomen_break_first(NomenBreakIterator *b) { return ubrk_first((UBreakIterator *)b); }

int32_t nomen_break_next(NomenBreakIterator *b) {
    int32_t n = ubrk_next((UBreakIterator *)b);
    return n == UBRK_DONE ? -1 : n;
}

int32_t nomen_break_rule_status(NomenBreakIterator *b) { return ubrk_getRuleStatus((UBreakIterator *)b); }

void nomen_break_close(NomenBreakIterator *b) {
    if (b) ubrk_close((UBreakIterator *)b);
}

NomenSpoofChecker *nomen_spoof_open(int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    USpoofChecker *s = uspoof_open(&err);
    *status = err;
    if (U_FAILURE(err)) { if (s) uspoof_close(s); return NULL; }
    return (NomenSpoofChecker *)s;
}

int32_t nomen_spoof_skeleton(const NomenSpoofChecker *s, const uint16_t *src, int32_t len,
                             uint16_t *dst, int32_t cap, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = uspoof_getSkeleton((const USpoofChecker *)s, 0, (const UChar *)src, len,
                                   (UChar *)dst, cap, &err);
    *status = err;
    return n;
}

int32_t nomen_spoof_check(const NomenSpoofChecker *s, const uint16_t *src, int32_t len, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t r = uspoof_check((const USpoofChecker *)s, (const UChar *)src, len, NULL, &err);
    *status = err;
    return r;
}

void nomen_spoof_close(NomenSpoofChecker *s) {
    if (s) uspoof_close((USpoofChecker *)s);
}
