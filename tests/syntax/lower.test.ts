// AST shapes of the tricky constructs: what the lowering makes of each, compared as compact dumps.
import { describe, expect, it } from "vitest";
import type { Expr, Item, Lit, NodeId } from "../../src/syntax/ast.js";
import { dump, parse, walkCrate } from "../../src/syntax/index.js";
import { SourceFile } from "../../src/syntax/source.js";
import { at, exprDump, fnNamed, mainStmts, parseClean, parseText } from "./helpers.js";

function litOf(src: string): Lit {
  const p = parseClean(`fn main() { let _ = ${src}; }`);
  const s = mainStmts(p)[0]!;
  if (s.kind !== "Let" || !s.init || s.init.kind !== "Lit") throw new Error(`not a literal: ${src}`);
  return s.init.lit;
}

function itemDump(src: string): string {
  const p = parseClean(src);
  return p.crate.items.map((i) => dump(i)).join("\n");
}

describe("literals", () => {
  it.each([
    ["0", 0n, undefined],
    ["1_000", 1000n, undefined],
    ["0xff", 255n, undefined],
    ["0xFF_u8", 255n, "u8"],
    ["0o17", 15n, undefined],
    ["0b1010_1010", 170n, undefined],
    ["7usize", 7n, "usize"],
    ["340282366920938463463374607431768211455u128", 340282366920938463463374607431768211455n, "u128"],
    ["0x1f32", 0x1f32n, undefined], // hex digits swallow `f32`
    ["18446744073709551615", 18446744073709551615n, undefined],
  ])("integer %s", (src, value, suffix) => {
    const l = litOf(src);
    expect(l).toEqual(suffix ? { type: "int", value, suffix } : { type: "int", value });
  });

  it.each([
    ["1.5", 1.5, "1.5", undefined],
    ["1e3", 1000, "1e3", undefined],
    ["2.5E-2", 0.025, "2.5E-2", undefined],
    ["1_000.25_f64", 1000.25, "1_000.25_", "f64"],
    ["3f32", 3, "3", "f32"], // an integer-looking literal with a float suffix is a float
    ["1.", 1, "1.", undefined],
  ])("float %s", (src, value, text, suffix) => {
    const l = litOf(src);
    expect(l.type).toBe("float");
    if (l.type !== "float") return;
    expect(l.value).toBe(value);
    expect(l.text).toBe(text);
    expect(l.suffix).toBe(suffix);
  });

  it("strings, chars, bytes", () => {
    expect(litOf(String.raw`"a\tb\n\\\"\'\0\x41\u{1F600}"`)).toEqual({ type: "str", value: "a\tb\n\\\"'\0A😀" });
    expect(litOf('"line \\\n      continued"')).toEqual({ type: "str", value: "line continued" });
    expect(litOf('r"raw \\n {}"')).toEqual({ type: "str", value: "raw \\n {}" });
    expect(litOf('r#"has "quotes""#')).toEqual({ type: "str", value: 'has "quotes"' });
    expect(litOf('b"ab\\n\\xff"')).toEqual({ type: "byteStr", value: [97, 98, 10, 255] });
    expect(litOf('br"a\\b"')).toEqual({ type: "byteStr", value: [97, 92, 98] });
    expect(litOf("'x'")).toEqual({ type: "char", value: "x" });
    expect(litOf("'\\''")).toEqual({ type: "char", value: "'" });
    expect(litOf("'\\u{1F980}'")).toEqual({ type: "char", value: "🦀" });
    expect(litOf("'é'")).toEqual({ type: "char", value: "é" });
    expect(litOf("b'a'")).toEqual({ type: "byte", value: 97 });
    expect(litOf("b'\\xff'")).toEqual({ type: "byte", value: 255 });
    expect(litOf("true")).toEqual({ type: "bool", value: true });
    expect(litOf('"é😀"')).toEqual({ type: "str", value: "é😀" });
  });

  it("negative literals are a negation, as in rustc", () => {
    expect(exprDump("-128i8")).toBe('(Unary op="neg" operand=(Lit 128i8))');
  });
});

describe("expressions", () => {
  it("parentheses vanish, the inner node takes the outer span", () => {
    const p = parseClean("fn main() { let _ = ((1 + 2)) * 3; }");
    const s = mainStmts(p)[0]!;
    if (s.kind !== "Let" || s.init?.kind !== "Binary") throw new Error("shape");
    expect(dump(s.init)).toBe('(Binary op="*" lhs=(Binary op="+" lhs=(Lit 1) rhs=(Lit 2)) rhs=(Lit 3))');
    expect(p.file.snippet(s.init.lhs.span)).toBe("((1 + 2))");
  });

  it("precedence and associativity", () => {
    expect(exprDump("a - b - c")).toBe('(Binary op="-" lhs=(Binary op="-" lhs=(Path path=a) rhs=(Path path=b)) rhs=(Path path=c))');
    expect(exprDump("a || b && c")).toBe('(Binary op="||" lhs=(Path path=a) rhs=(Binary op="&&" lhs=(Path path=b) rhs=(Path path=c)))');
    expect(exprDump("-x.f()?")).toBe('(Unary op="neg" operand=(Try operand=(MethodCall receiver=(Path path=x) method=f)))');
    expect(exprDump("x as u8 as i32")).toBe("(Cast operand=(Cast operand=(Path path=x) ty=(PathType path=u8)) ty=(PathType path=i32))");
  });

  it("await, try, and their spans", () => {
    const p = parseClean("async fn f() { let v = g().await?; }");
    const s = fnNamed(p, "f").body!.stmts[0]!;
    if (s.kind !== "Let" || s.init?.kind !== "Try" || s.init.operand.kind !== "Await") throw new Error("shape");
    expect(p.file.snippet(s.init.operand.awaitSpan)).toBe(".await");
    expect(p.file.snippet(s.init.operand.span)).toBe("g().await");
  });

  it("method calls, turbofish, qualified paths, fields", () => {
    expect(exprDump("v.iter().map(|x| x * 2).collect::<Vec<_>>()")).toBe(
      '(MethodCall receiver=(MethodCall receiver=(MethodCall receiver=(Path path=v) method=iter) method=map args=[(Closure params=[( pat=(IdentPat name=x))] body=(Binary op="*" lhs=(Path path=x) rhs=(Lit 2)))]) method=collect turbofish=( types=[(PathType path=Vec( types=[(InferType)]))]))',
    );
    expect(exprDump("<F as Future>::Output::default()")).toBe("(Call callee=(Path path=<(PathType path=F) as Future>::Output::default))");
    expect(exprDump("Vec::<u8>::with_capacity(3)")).toBe("(Call callee=(Path path=Vec( types=[(PathType path=u8)])::with_capacity) args=[(Lit 3)])");
    expect(exprDump("t.0.1")).toBe("(Field object=(Field object=(Path path=t) field=0) field=1)");
    expect(exprDump("::std::mem::swap(&mut a, &mut b)")).toBe(
      "(Call callee=(Path path=::std::mem::swap) args=[(Ref mutable operand=(Path path=a)) (Ref mutable operand=(Path path=b))])",
    );
  });

  it("references and raw pointers", () => {
    expect(exprDump("&raw const x")).toBe("(Ref raw operand=(Path path=x))");
    expect(exprDump("&raw mut x")).toBe("(Ref mutable raw operand=(Path path=x))");
    expect(exprDump("&mut *p")).toBe('(Ref mutable operand=(Unary op="deref" operand=(Path path=p)))');
    expect(exprDump("std::ptr::addr_of!(s.f)")).toBe("(Ref raw operand=(Field object=(Path path=s) field=f))");
    expect(exprDump("std::ptr::addr_of_mut!(s)")).toBe("(Ref mutable raw operand=(Path path=s))");
  });

  it("`&raw` where `raw` is a variable (tree-sitter-rust 0.24 misreads it as a raw borrow)", () => {
    expect(exprDump("f(&raw, & raw.len(), &raw const x, &raw mut y)")).toBe(
      "(Call callee=(Path path=f) args=[(Ref operand=(Path path=raw)) (Ref operand=(MethodCall receiver=(Path path=raw) method=len)) (Ref raw operand=(Path path=x)) (Ref mutable raw operand=(Path path=y))])",
    );
  });

  it("ranges", () => {
    expect(exprDump("..")).toBe("(Range)");
    expect(exprDump("a..")).toBe("(Range lo=(Path path=a))");
    expect(exprDump("..=b")).toBe("(Range hi=(Path path=b) inclusive)");
    expect(exprDump("0..n")).toBe("(Range lo=(Lit 0) hi=(Path path=n))");
  });

  it("closures and async blocks", () => {
    expect(exprDump("move |a: u8, (b, c)| -> u8 { a }")).toBe(
      "(Closure isMove params=[( pat=(IdentPat name=a) ty=(PathType path=u8)) ( pat=(TuplePat elems=[(IdentPat name=b) (IdentPat name=c)]))] ret=(PathType path=u8) body=(BlockExpr block=(Block tail=(Path path=a))))",
    );
    expect(exprDump("async move { x.await }")).toBe("(AsyncBlock block=(Block tail=(Await operand=(Path path=x))) isMove)");
    expect(exprDump("async |x| x")).toBe("(Closure isAsync params=[( pat=(IdentPat name=x))] body=(Path path=x))");
    expect(exprDump("|mut acc| acc")).toBe("(Closure params=[( pat=(IdentPat name=acc mutable))] body=(Path path=acc))");
  });

  it("structs, arrays, tuples", () => {
    expect(exprDump("S { a, b: 2, ..Default::default() }")).toBe(
      "(Struct path=S fields=[( name=a value=(Path path=a) shorthand) ( name=b value=(Lit 2))] base=(Call callee=(Path path=Default::default)))",
    );
    expect(exprDump("[0u8; 4]")).toBe("(ArrayRepeat elem=(Lit 0u8) len=(Lit 4))");
    expect(exprDump("(1,)")).toBe("(Tuple elems=[(Lit 1)])");
    expect(exprDump("()")).toBe("(Tuple)");
  });

  it("labelled blocks and loops, break with values", () => {
    expect(exprDump("'a: { if c { break 'a 1; } 2 }")).toBe(
      "(BlockExpr block=(Block stmts=[(ExprStmt expr=(If cond=(Path path=c) then=(Block stmts=[(ExprStmt expr=(Break label='a value=(Lit 1)) semi)])))] tail=(Lit 2)) label='a)",
    );
    expect(exprDump("'outer: loop { continue 'outer }")).toBe("(Loop label='outer body=(Block tail=(Continue label='outer)))");
    expect(exprDump("loop { break 5 }")).toBe("(Loop body=(Block tail=(Break value=(Lit 5))))");
  });

  it("unsafe and const blocks", () => {
    expect(exprDump("unsafe { *p }")).toBe('(BlockExpr block=(Block tail=(Unary op="deref" operand=(Path path=p)) unsafety="unsafe"))');
    expect(exprDump("const { 1 + 1 }")).toBe('(BlockExpr block=(Block tail=(Binary op="+" lhs=(Lit 1) rhs=(Lit 1))))');
  });

  it("if let and let chains", () => {
    expect(exprDump("if let Some(x) = o { x } else { 0 }")).toBe(
      "(If cond=(LetCond pat=(TupleStructPat path=Some elems=[(IdentPat name=x)]) scrutinee=(Path path=o)) then=(Block tail=(Path path=x)) else=(BlockExpr block=(Block tail=(Lit 0))))",
    );
    expect(exprDump("if let Some(x) = a && x > 0 && let Ok(y) = b { 1 } else if c { 2 } else { 3 }")).toBe(
      '(If cond=(Binary op="&&" lhs=(Binary op="&&" lhs=(LetCond pat=(TupleStructPat path=Some elems=[(IdentPat name=x)]) scrutinee=(Path path=a)) rhs=(Binary op=">" lhs=(Path path=x) rhs=(Lit 0))) rhs=(LetCond pat=(TupleStructPat path=Ok elems=[(IdentPat name=y)]) scrutinee=(Path path=b))) then=(Block tail=(Lit 1)) else=(If cond=(Path path=c) then=(Block tail=(Lit 2)) else=(BlockExpr block=(Block tail=(Lit 3)))))',
    );
    expect(exprDump("while let Some(t) = q.pop() { }")).toBe(
      "(While cond=(LetCond pat=(TupleStructPat path=Some elems=[(IdentPat name=t)]) scrutinee=(MethodCall receiver=(Path path=q) method=pop)) body=(Block))",
    );
  });

  it("match with guards, bindings, ranges, or-patterns", () => {
    expect(exprDump("match v { 0 => a, 1 | 2 if ok => b, n @ 3..=9 => c, ..=-1 => d, _ => e }")).toBe(
      "(Match scrutinee=(Path path=v) arms=[( pat=(LitPat lit=(Lit 0)) body=(Path path=a)) ( pat=(OrPat alts=[(LitPat lit=(Lit 1)) (LitPat lit=(Lit 2))]) guard=(Path path=ok) body=(Path path=b)) ( pat=(IdentPat name=n sub=(RangePat lo=(LitPat lit=(Lit 3)) hi=(LitPat lit=(Lit 9)) inclusive)) body=(Path path=c)) ( pat=(RangePat hi=(LitPat lit=(Lit 1) negative) inclusive) body=(Path path=d)) ( pat=(WildPat) body=(Path path=e))])",
    );
  });
});

describe("statements", () => {
  it("let-else", () => {
    const p = parseClean("fn main() { let Some(x) = o else { return; }; let [a, .., b] = arr else { panic!() }; }");
    expect(mainStmts(p).map((s) => dump(s))).toEqual([
      "(Let pat=(TupleStructPat path=Some elems=[(IdentPat name=x)]) init=(Path path=o) else=(Block stmts=[(ExprStmt expr=(Return) semi)]))",
      "(Let pat=(SlicePat elems=[(IdentPat name=a) (RestPat) (IdentPat name=b)]) init=(Path path=arr) else=(Block tail=(MacroCall path=\"panic\" call=(!panic))))",
    ]);
  });

  it("shadowing: each `let` is its own binding, with its own id", () => {
    const p = parseClean("fn main() { let x = 1; let x = x + 1; let mut x = x * 2; x += 1; }");
    const lets = mainStmts(p).filter((s) => s.kind === "Let");
    expect(lets.map((s) => dump(s))).toEqual([
      "(Let pat=(IdentPat name=x) init=(Lit 1))",
      '(Let pat=(IdentPat name=x) init=(Binary op="+" lhs=(Path path=x) rhs=(Lit 1)))',
      '(Let pat=(IdentPat name=x mutable) init=(Binary op="*" lhs=(Path path=x) rhs=(Lit 2)))',
    ]);
    const ids = lets.map((s) => (s.kind === "Let" ? s.pat.id : -1));
    expect(new Set(ids).size).toBe(3);
  });

  it("block tail vs statements; `unsafe { … };` is a statement with a semicolon", () => {
    const p = parseClean("fn f() -> u8 { unsafe { g() }; if c { 1 } else { 2 } }");
    const b = fnNamed(p, "f").body!;
    expect(b.stmts.map((s) => dump(s))).toEqual(['(ExprStmt expr=(BlockExpr block=(Block tail=(Call callee=(Path path=g)) unsafety="unsafe")) semi)']);
    expect(b.tail?.kind).toBe("If");
    const q = parseClean("fn f() { if c { a() } b(); }");
    expect(fnNamed(q, "f").body!.stmts.map((s) => s.kind === "ExprStmt" && `${s.expr.kind}:${s.semi}`)).toEqual(["If:false", "Call:true"]);
  });

  it("items inside function bodies", () => {
    const p = parseClean("fn main() { struct Local(u8); fn helper() {} let _ = Local(1); }");
    expect(mainStmts(p).map((s) => s.kind === "ItemStmt" ? s.item.kind : s.kind)).toEqual(["Struct", "Fn", "Let"]);
  });
});

describe("patterns", () => {
  it("ref, ref mut, mut, @, &, struct and tuple-struct patterns", () => {
    const p = parseClean(
      "fn main() { let (a, ref b, ref mut c, mut d) = t; let &(x, ref y) = r; let P { x: px, ref y, mut z, .. } = p; let Some(v @ 1..=3) = o else { return }; let E::V(_, ..) = e else { return }; let &mut m = rm; }",
    );
    expect(mainStmts(p).map((s) => (s.kind === "Let" ? dump(s.pat) : ""))).toEqual([
      '(TuplePat elems=[(IdentPat name=a) (IdentPat name=b byRef="ref") (IdentPat name=c byRef="refMut") (IdentPat name=d mutable)])',
      '(RefPat inner=(TuplePat elems=[(IdentPat name=x) (IdentPat name=y byRef="ref")]))',
      '(StructPat path=P fields=[( name=x pat=(IdentPat name=px)) ( name=y pat=(IdentPat name=y byRef="ref")) ( name=z pat=(IdentPat name=z mutable))] rest)',
      "(TupleStructPat path=Some elems=[(IdentPat name=v sub=(RangePat lo=(LitPat lit=(Lit 1)) hi=(LitPat lit=(Lit 3)) inclusive))])",
      "(TupleStructPat path=E::V elems=[(WildPat) (RestPat)])",
      "(RefPat mutable inner=(IdentPat name=m))",
    ]);
  });

  it("literal, path and slice patterns in match", () => {
    expect(exprDump(`match s { "a" | "b" => 1, Poll::Pending => 2, [first, rest @ ..] => 3, (-5, 'x') => 4, _ => 5 }`)).toBe(
      '(Match scrutinee=(Path path=s) arms=[( pat=(OrPat alts=[(LitPat lit=(Lit "a")) (LitPat lit=(Lit "b"))]) body=(Lit 1)) ( pat=(PathPat path=Poll::Pending) body=(Lit 2)) ( pat=(SlicePat elems=[(IdentPat name=first) (IdentPat name=rest sub=(RestPat))]) body=(Lit 3)) ( pat=(TuplePat elems=[(LitPat lit=(Lit 5) negative) (LitPat lit=(Lit \'x\'))]) body=(Lit 4)) ( pat=(WildPat) body=(Lit 5))])',
    );
  });

  // Found by tests/run-pass/match_guards_at_bindings.rs: `t @ (10 | 20)` was matched as a 1-tuple.
  it("parenthesised patterns are their inner pattern; a trailing comma or `..` makes a tuple", () => {
    expect(exprDump(`match s { t @ (1 | 2) => 1, (a) => 2, (b,) => 3, (..) => 4 }`)).toBe(
      "(Match scrutinee=(Path path=s) arms=[( pat=(IdentPat name=t sub=(OrPat alts=[(LitPat lit=(Lit 1)) (LitPat lit=(Lit 2))])) body=(Lit 1)) ( pat=(IdentPat name=a) body=(Lit 2)) ( pat=(TuplePat elems=[(IdentPat name=b)]) body=(Lit 3)) ( pat=(TuplePat elems=[(RestPat)]) body=(Lit 4))])",
    );
  });
});

describe("items", () => {
  it("functions: async, unsafe, const, generics with bounds and where, self parameters", () => {
    expect(
      itemDump(
        "pub async unsafe fn f<'a, T: Future + ?Sized, const N: usize>(x: &'a mut T, (a, b): (u8, u8)) -> impl Future<Output = T::Output> + 'a where T: Send, for<'b> F: Fn(&'b u8) -> u8 {}",
      ),
    ).toBe(
      "(Fn attrs=() name=f generics=( params=[(type name=T bounds=[( path=Future) ( path=Sized maybe)]) (const name=N constTy=(PathType path=usize))] where=[( ty=(PathType path=T) bounds=[( path=Future) ( path=Sized maybe)]) ( ty=(PathType path=T) bounds=[( path=Send)]) ( ty=(PathType path=F) bounds=[( path=Fn( fnSugar=( inputs=[(RefType inner=(PathType path=u8))] output=(PathType path=u8))))])]) params=[( pat=(IdentPat name=x) ty=(RefType mutable inner=(PathType path=T))) ( pat=(TuplePat elems=[(IdentPat name=a) (IdentPat name=b)]) ty=(TupleType elems=[(PathType path=u8) (PathType path=u8)]))] ret=(ImplTraitType bounds=[( path=Future( bindings=[( name=Output ty=(PathType path=T::Output))]))]) body=(Block) isAsync isUnsafe)",
    );
    const p = parseClean("impl S { fn a(self) {} fn b(&self) {} fn c(&mut self) {} fn d(mut self) {} fn e(self: Pin<&mut Self>) {} const fn f() {} }");
    const impl = p.crate.items[0]!;
    if (impl.kind !== "Impl") throw new Error("shape");
    expect(impl.items.map((i) => (i.kind === "Fn" ? dump(i.selfParam) : ""))).toEqual([
      "(value)",
      "(ref)",
      "(refMut)",
      "(value mutable)",
      "(explicit ty=(PathType path=Pin( types=[(RefType mutable inner=(PathType path=Self))])))",
      "_",
    ]);
  });

  it("structs and enums", () => {
    expect(itemDump("#[derive(Debug, Clone)] struct P<T> where T: Copy { pub x: T, y: [u8; 3] } struct T(pub u8, i32); struct U;")).toBe(
      [
        '(Struct attrs=( derives=[Debug Clone]) name=P generics=( params=[(type name=T)] where=[( ty=(PathType path=T) bounds=[( path=Copy)])]) shape="named" fields=[( name=x ty=(PathType path=T)) ( name=y ty=(ArrayType elem=(PathType path=u8) len=(Lit 3)))])',
        '(Struct attrs=() name=T generics=() shape="tuple" fields=[( name=0 ty=(PathType path=u8)) ( name=1 ty=(PathType path=i32))])',
        '(Struct attrs=() name=U generics=() shape="unit")',
      ].join("\n"),
    );
    expect(itemDump("enum E { A = 1, B(u8, String), C { x: i32 }, D }")).toBe(
      '(Enum attrs=() name=E generics=() variants=[( name=A shape="unit" discriminant=(Lit 1)) ( name=B shape="tuple" fields=[( name=0 ty=(PathType path=u8)) ( name=1 ty=(PathType path=String))]) ( name=C shape="named" fields=[( name=x ty=(PathType path=i32))]) ( name=D shape="unit")])',
    );
  });

  it("attributes on enum variants (#[default])", () => {
    expect(itemDump("#[derive(Default)] enum E { A, #[default] B }")).toBe(
      '(Enum attrs=( derives=[Default]) name=E generics=() variants=[( name=A shape="unit") ( name=B shape="unit" attrs=( other=[( path="default")]))])',
    );
  });

  it("traits and impls", () => {
    expect(
      itemDump(
        "unsafe trait Tr: Clone + Sized { type Out: Default; const K: usize; const J: u8 = 3; fn req(&self) -> Self::Out; fn def(&self) {} }",
      ),
    ).toBe(
      "(Trait attrs=() name=Tr generics=() supertraits=[( path=Clone) ( path=Sized)] items=[(AssocType name=Out bounds=[( path=Default)]) (Const name=K ty=(PathType path=usize)) (Const name=J ty=(PathType path=u8) value=(Lit 3)) (Fn attrs=() name=req generics=() selfParam=(ref) ret=(PathType path=Self::Out)) (Fn attrs=() name=def generics=() selfParam=(ref) body=(Block))] isUnsafe)",
    );
    expect(itemDump("impl !Unpin for S {} unsafe impl<T: Send> Send for W<T> {} impl<T> Future for F<T> { type Output = T; fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> { todo!() } }")).toBe(
      [
        "(Impl attrs=() generics=() trait=Unpin negative selfTy=(PathType path=S))",
        "(Impl attrs=() generics=( params=[(type name=T bounds=[( path=Send)])] where=[( ty=(PathType path=T) bounds=[( path=Send)])]) trait=Send selfTy=(PathType path=W( types=[(PathType path=T)])) isUnsafe)",
        "(Impl attrs=() generics=( params=[(type name=T)]) trait=Future selfTy=(PathType path=F( types=[(PathType path=T)])) items=[(AssocType name=Output ty=(PathType path=T)) (Fn attrs=() name=poll generics=() selfParam=(explicit ty=(PathType path=Pin( types=[(RefType mutable inner=(PathType path=Self))]))) params=[( pat=(IdentPat name=cx) ty=(RefType mutable inner=(PathType path=Context)))] ret=(PathType path=Poll( types=[(PathType path=T)])) body=(Block tail=(MacroCall path=\"todo\" call=(!todo))))])",
      ].join("\n"),
    );
  });

  it("const, static, static mut, type alias, mod with use trees, extern crate", () => {
    expect(
      itemDump(
        "extern crate alloc; const C: u32 = 1; static S: &str = \"s\"; static mut M: i64 = 0; type R<T> = Result<T, Box<dyn std::error::Error + Send>>; mod m { use std::{a, b::{c as d, *}, self as e}; use ::g::h; use super::*; }",
      ),
    ).toBe(
      [
        "(Const name=C ty=(PathType path=u32) value=(Lit 1))",
        '(Static name=S ty=(RefType inner=(PathType path=str)) value=(Lit "s"))',
        "(Static name=M ty=(PathType path=i64) value=(Lit 0) mutable)",
        "(TypeAlias name=R generics=( params=[(type name=T)]) ty=(PathType path=Result( types=[(PathType path=T) (PathType path=Box( types=[(DynTraitType bounds=[( path=std::error::Error) ( path=Send)])]))])))",
        "(Mod name=m items=[(Use entries=[( path=[std a] alias=a) ( path=[std b c] alias=d) ( path=[std b] glob) ( path=[std] alias=e)]) (Use entries=[( path=[g h] alias=h)]) (Use entries=[( path=[super] glob)])])",
      ].join("\n"),
    );
  });

  it("attributes by path; #[cfg(test)] items are dropped", () => {
    expect(itemDump("#[tokio::main] #[allow(unused)] async fn main() {} #[cfg(test)] mod tests { #[test] fn t() {} }")).toBe(
      '(Fn attrs=( other=[( path="tokio::main") ( path="allow")]) name=main generics=() body=(Block) isAsync)',
    );
  });

  it("types: references, pointers, slices, arrays, fn pointers, dyn and impl Trait, never, infer", () => {
    expect(
      itemDump(
        "type T = (&'a mut [u8], *const u8, *mut (), [i32; 4], fn(u8) -> !, unsafe fn(), Box<dyn Fn(i32) -> i32 + Send + 'static>, Pin<&mut dyn Future<Output = ()>>, Vec<_>, (u8));",
      ),
    ).toBe(
      "(TypeAlias name=T generics=() ty=(TupleType elems=[(RefType mutable inner=(SliceType elem=(PathType path=u8))) (PtrType inner=(PathType path=u8)) (PtrType mutable inner=(TupleType)) (ArrayType elem=(PathType path=i32) len=(Lit 4)) (FnPtrType inputs=[(PathType path=u8)] output=(NeverType)) (FnPtrType isUnsafe) (PathType path=Box( types=[(DynTraitType bounds=[( path=Fn( fnSugar=( inputs=[(PathType path=i32)] output=(PathType path=i32)))) ( path=Send)])])) (PathType path=Pin( types=[(RefType mutable inner=(DynTraitType bounds=[( path=Future( bindings=[( name=Output ty=(TupleType))]))]))])) (PathType path=Vec( types=[(InferType)])) (PathType path=u8)]))",
    );
  });
});

describe("ids and spans", () => {
  const src = [
    "use std::pin::pin;",
    "async fn add(a: u32, b: u32) -> u32 { a + b }",
    "fn main() {",
    '    let v = vec![1, 2, 3];',
    '    println!("sum {} of {:?}", add(1, 2).len(), v);',
    "}",
  ].join("\n");

  it("every node id is unique and below nodeCount", () => {
    const p = parseClean(src);
    const ids: NodeId[] = [];
    const seen = (x: { id: NodeId }): void => {
      ids.push(x.id);
    };
    walkCrate(p.crate, { item: seen, stmt: seen, expr: seen, pat: seen, type: seen, block: seen });
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.max(...ids)).toBeLessThan(p.crate.nodeCount);
  });

  it("spans inside macro arguments point at the user's line and column", () => {
    const p = parseClean(src);
    const found: string[] = [];
    walkCrate(p.crate, {
      expr: (e: Expr) => {
        if (e.kind === "Call" || e.kind === "Lit" || e.kind === "Path" || e.kind === "MethodCall") found.push(`${e.kind} ${at(p, e.span)} ${p.file.snippet(e.span)}`);
      },
    });
    expect(found).toEqual([
      "Path 2:39 a",
      "Path 2:43 b",
      "Lit 4:18 1",
      "Lit 4:21 2",
      "Lit 4:24 3",
      "MethodCall 5:32 add(1, 2).len()",
      "Call 5:32 add(1, 2)",
      "Path 5:32 add",
      "Lit 5:36 1",
      "Lit 5:39 2",
      "Path 5:49 v",
    ]);
  });

  it("format pieces point inside the string, after escapes and non-ASCII", () => {
    const p = parseClean('fn main() {\n    println!("\\tü😀 {:>5} {x}", 1);\n}');
    const s = mainStmts(p)[0]!;
    if (s.kind !== "ExprStmt" || s.expr.kind !== "MacroCall" || s.expr.call.macro !== "println") throw new Error("shape");
    const fmt = s.expr.call.fmt!;
    const pieces = fmt.pieces.filter((x) => x.kind === "arg");
    expect(pieces.map((x) => (x.kind === "arg" ? `${at(p, x.span)} ${p.file.snippet(x.span)}` : ""))).toEqual(["2:20 {:>5}", "2:26 {x}"]);
    // The implicit capture `x` is a path expression at the `x` inside the braces.
    const capture = fmt.args[1]!;
    expect(`${dump(capture)} ${at(p, capture.span)}`).toBe("(Path path=x) 2:27");
  });

  it("reports unicode columns in characters", () => {
    const p = parseText('fn main() { let é = "😀"; foo!(); }');
    expect(p.diagnostics.map((d) => at(p, d.span))).toEqual(["1:26"]);
  });
});

describe("the crate value", () => {
  it("an empty file is an empty crate", () => {
    const p = parseClean("");
    expect(p.crate).toEqual({ items: [], nodeCount: 0 });
  });
  it("ids can start after another crate's, to share one id space", () => {
    const a = parseText("fn a() {}");
    const b = parse(new SourceFile("b.rs", "fn b() { let x = 1; }"), { firstNodeId: a.crate.nodeCount });
    const ids: number[] = [];
    walkCrate(b.value, { item: (i) => ids.push(i.id), expr: (e) => ids.push(e.id), stmt: (s) => ids.push(s.id) });
    expect(Math.min(...ids)).toBeGreaterThanOrEqual(a.crate.nodeCount);
    expect(b.value.nodeCount).toBeGreaterThan(Math.max(...ids));
  });

  it("parse() gives the same result twice (no state carried between calls)", () => {
    const src = "macro_rules! m { () => { 1 } } fn main() { let _ = m!(); println!(\"{}\", 1); }";
    const a = parseText(src);
    const b = parseText(src);
    expect(dump(b.crate.items)).toBe(dump(a.crate.items));
    expect(b.crate.nodeCount).toBe(a.crate.nodeCount);
    // A macro defined in one file is not visible in the next one.
    const c = parseText("fn main() { let _ = m!(); }");
    expect(c.diagnostics.map((d) => d.message)).toEqual(["cannot find macro `m` in this scope"]);
  });
});

// Used by the items tests.
export type { Item };
