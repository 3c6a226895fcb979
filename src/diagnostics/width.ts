// How wide a character is on a terminal, and how rustc rewrites a source line before showing it.
//
// The human renderer lines up `^^^` under code, so it needs each character's display width, the way
// rustc's emitter measures it (`rustc_errors::emitter::char_width`, built on the `unicode-width` crate):
//
//   source line      `\tlet 日本 = "x";`
//   shown as         `    let 日本 = "x";`      a tab is shown as four spaces (rustc's OUTPUT_REPLACEMENTS)
//   widths           4 1 1 1 1 2 2 1 1 …        `日` and `本` are East Asian Wide: two columns each
//   `^` under `=`    column 4+4+4+1 = 13
//
// Widths: a tab is 4; ASCII control characters (shown as the Control Pictures `␀`…`␟`, `␡`) and the
// bidirectional-text controls (shown as `�`) are 1; combining marks and default-ignorable code points
// are 0; East Asian Wide and Fullwidth characters and emoji with emoji presentation are 2; everything
// else is 1. The wide table below covers the assigned blocks of Unicode 15; unassigned code points in
// the CJK planes count as wide, as unicode-width's tables largely do.

/** [first, last] code point ranges that are East Asian Wide or Fullwidth (besides emoji). */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initial consonants
  [0x2329, 0x232a], // angle brackets
  [0x2e80, 0x303e], // CJK radicals, Kangxi radicals, ideographic description, CJK symbols and punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed
  [0x3400, 0x4dbf], // CJK Unified Ideographs Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo Extended-A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6], // fullwidth signs
  [0x16fe0, 0x16fe4], // ideographic symbols
  [0x16ff0, 0x16ff1],
  [0x17000, 0x18cff], // Tangut, Khitan
  [0x18d00, 0x18d08],
  [0x1aff0, 0x1b2ff], // Kana extended, Nushu
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f202],
  [0x1f210, 0x1f23b],
  [0x1f240, 0x1f248],
  [0x1f250, 0x1f251],
  [0x1f260, 0x1f265],
  [0x20000, 0x2fffd], // CJK extensions B–F
  [0x30000, 0x3fffd], // CJK extension G and beyond
];

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}]$/u;
const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}$/u;

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = ranges[mid]!;
    if (cp < first) hi = mid - 1;
    else if (cp > last) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The control characters rustc replaces before printing, so that a `^` can point at them. */
function replacement(cp: number): string | undefined {
  if (cp === 0x09) return "    ";
  if (cp < 0x20) return String.fromCodePoint(0x2400 + cp); // ␀ … ␟
  if (cp === 0x7f) return "\u2421"; // ␡
  if (cp === 0x200d) return ""; // zero-width joiner: removed for consistent output of grapheme clusters
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return "\ufffd"; // bidi controls
  return undefined;
}

/** Display width of one character (a code point given as a string), as rustc's emitter counts it. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp === 0x09) return 4;
  if (cp < 0x20 || cp === 0x7f) return 1;
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return 1;
  if (cp < 0x7f) return 1;
  if (cp === 0xad) return 1; // soft hyphen: default-ignorable, but unicode-width gives it 1
  if (cp >= 0x1160 && cp <= 0x11ff) return 0; // Hangul medial vowels and final consonants
  if (cp >= 0xd7b0 && cp <= 0xd7ff) return 0;
  if (ZERO_WIDTH.test(ch)) return 0;
  if (inRanges(cp, WIDE_RANGES) || EMOJI_PRESENTATION.test(ch)) return 2;
  return 1;
}

/** Display width of a string. */
export function strWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

/** Length in UTF-8 bytes: what rustc's `str::len` counts (where its layout uses it). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** A line as rustc shows it: tabs as four spaces, control characters as visible pictures. */
export function normalizeWhitespace(s: string): string {
  let out = "";
  for (const ch of s) {
    const r = replacement(ch.codePointAt(0) ?? 0);
    out += r ?? ch;
  }
  return out;
}
