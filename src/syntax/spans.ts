// Span maps: from offsets in a text that tree-sitter parsed to spans in the user's file.
//
// The user's file is parsed as it is (the identity map). A std macro's arguments are parsed again
// inside a wrapper, and a `macro_rules!` expansion is parsed as generated text; in both cases every
// span has to point back into the user's file:
//
//     [rust]       println!("{}", a + b);            // `a + b` at offsets 100..105
//     [reparsed]   fn __pinion() { __pinion("{}", a + b); }
//                                                 ^^^^^  at 31..36 in the wrapper
//     [map]        slice map: 31 - prefixLength + argsStart = 100
//
// A generated text is a sequence of tokens, each copied from somewhere (the invocation's arguments or
// the macro's body, themselves maybe generated): a token map records, per token, where it sits in the
// generated text and which span it stands for. A span that runs from a token of one origin to a token
// of another (say from a substituted `$e` to a `+ 1` of the macro body) is given the invocation's span.

import type { Span } from "./source.js";

export interface SpanMap {
  map(lo: number, hi: number): Span;
}

export const IDENTITY_MAP: SpanMap = {
  map: (lo, hi) => ({ lo, hi }),
};

/**
 * A text made of `prefix + parentText[from, to) + suffix`: offsets in the slice shift back to the
 * parent; offsets in the prefix or suffix clamp to the slice's ends.
 */
export function sliceMap(parent: SpanMap, prefixLength: number, from: number, to: number): SpanMap {
  const conv = (x: number): number => Math.max(from, Math.min(to, x - prefixLength + from));
  return { map: (lo, hi) => parent.map(conv(lo), Math.max(conv(lo), conv(hi))) };
}

export interface TokenSegment {
  /** Offsets of the token in the generated text. */
  readonly genLo: number;
  readonly genHi: number;
  /** The span (in the user's file) the token stands for. */
  readonly span: Span;
  /** Tokens copied from the same place share an origin (0: the invocation's arguments, 1: the
   *  macro's body, …); spans are only joined within one origin. */
  readonly origin: number;
}

/** A map for generated text; `segments` sorted by `genLo`, `fallback` for mixed or synthetic spans. */
export function tokenMap(segments: readonly TokenSegment[], fallback: Span): SpanMap {
  // The segment containing offset x (or the last one starting at or before it).
  const find = (x: number): TokenSegment | undefined => {
    let lo = 0;
    let hi = segments.length - 1;
    let best: TokenSegment | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = segments[mid]!;
      if (s.genLo <= x) {
        best = s;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  };
  // The first segment ending at or after x.
  const findEnd = (x: number): TokenSegment | undefined => {
    let lo = 0;
    let hi = segments.length - 1;
    let best: TokenSegment | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = segments[mid]!;
      if (s.genHi >= x) {
        best = s;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    return best;
  };
  return {
    map(lo, hi) {
      const a = find(lo);
      if (a === undefined) return fallback;
      // A zero-width span (a missing token): a point after the token before it.
      if (hi <= lo) {
        const p = lo >= a.genHi ? a.span.hi : a.span.lo + Math.min(lo - a.genLo, a.span.hi - a.span.lo);
        return { lo: p, hi: p };
      }
      // The last token that starts before `hi`.
      const b = find(hi - 1) ?? a;
      const e = findEnd(hi) ?? b;
      const last = e.genLo < hi ? e : b;
      const loOut = lo >= a.genHi ? a.span.hi : a.span.lo + Math.min(Math.max(0, lo - a.genLo), a.span.hi - a.span.lo);
      const inLast = hi - last.genLo;
      const hiOut = inLast >= last.genHi - last.genLo ? last.span.hi : last.span.lo + Math.max(0, inLast);
      if (a === last || (a.origin === last.origin && hiOut >= loOut)) return { lo: loOut, hi: Math.max(loOut, hiOut) };
      return fallback;
    },
  };
}
