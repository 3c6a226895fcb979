// The std / futures / tokio macros pinion knows: their arguments parsed, desugarings, paths.
import { describe, expect, it } from "vitest";
import { dump } from "../../src/syntax/index.js";
import { diagLines, exprDump, mainStmts, parseClean, parseText } from "./helpers.js";

function stmtDumps(body: string): string[] {
  return mainStmts(parseClean(`fn main() { ${body} }`)).map((s) => dump(s));
}

describe("printing and formatting", () => {
  it("println! family with positional, named and captured arguments", () => {
    expect(exprDump('format!("{} {name} {x:?}", a, name = b)')).toBe(
      '(MacroCall path="format" call=(!format fmt=( pieces=[(arg arg=0 spec=()) (lit text=" ") (arg arg=1 spec=()) (lit text=" ") (arg arg=2 spec=( trait="?"))] args=[(Path path=a) (Path path=b) (Path path=x)] argNames=[_ "name" "x"])))',
    );
    expect(stmtDumps('println!(); print!("a"); eprint!("b"); eprintln!("{}", 1);')).toEqual([
      '(ExprStmt expr=(MacroCall path="println" call=(!println)) semi)',
      '(ExprStmt expr=(MacroCall path="print" call=(!print fmt=( pieces=[(lit text="a")]))) semi)',
      '(ExprStmt expr=(MacroCall path="eprint" call=(!eprint fmt=( pieces=[(lit text="b")]))) semi)',
      '(ExprStmt expr=(MacroCall path="eprintln" call=(!eprintln fmt=( pieces=[(arg arg=0 spec=())] args=[(Lit 1)] argNames=[_]))) semi)',
    ]);
  });

  it("paths with std::, core:: and a leading ::", () => {
    expect(stmtDumps('std::println!("a"); ::core::panic!("b"); std::assert!(true);').map((s) => /call=\(!(\w+)/.exec(s)?.[1] + " " + /path="([^"]+)"/.exec(s)?.[1])).toEqual([
      "println std::println",
      "panic ::core::panic",
      "assert std::assert",
    ]);
  });

  it("write! and writeln!", () => {
    expect(exprDump('write!(f, "{:>8.3}", 3.14159)')).toBe(
      '(MacroCall path="write" call=(!write dest=(Path path=f) fmt=( pieces=[(arg arg=0 spec=( align=">" width=(literal value=8) precision=(literal value=3)))] args=[(Lit 3.14159)] argNames=[_])))',
    );
    expect(exprDump("writeln!(f)")).toBe('(MacroCall path="writeln" call=(!writeln dest=(Path path=f)))');
  });

  it("panic family", () => {
    expect(stmtDumps('panic!(); panic!("at {}", 1); unreachable!(); todo!("x"); unimplemented!();').map((s) => s.replace(/ semi\)$/, ")"))).toEqual([
      '(ExprStmt expr=(MacroCall path="panic" call=(!panic)))',
      '(ExprStmt expr=(MacroCall path="panic" call=(!panic fmt=( pieces=[(lit text="at ") (arg arg=0 spec=())] args=[(Lit 1)] argNames=[_]))))',
      '(ExprStmt expr=(MacroCall path="unreachable" call=(!unreachable)))',
      '(ExprStmt expr=(MacroCall path="todo" call=(!todo fmt=( pieces=[(lit text="x")]))))',
      '(ExprStmt expr=(MacroCall path="unimplemented" call=(!unimplemented)))',
    ]);
  });

  it("assertions, with and without messages", () => {
    expect(stmtDumps('assert!(x > 1); assert!(ok, "bad {}", v); assert_eq!(a, b); assert_ne!(a, b, "{a:?}"); debug_assert_eq!(1, 1,);').map((s) => s.replace(/ semi\)$/, ")"))).toEqual([
      '(ExprStmt expr=(MacroCall path="assert" call=(!assert cond=(Binary op=">" lhs=(Path path=x) rhs=(Lit 1)))))',
      '(ExprStmt expr=(MacroCall path="assert" call=(!assert cond=(Path path=ok) fmt=( pieces=[(lit text="bad ") (arg arg=0 spec=())] args=[(Path path=v)] argNames=[_]))))',
      '(ExprStmt expr=(MacroCall path="assert_eq" call=(!assert_eq left=(Path path=a) right=(Path path=b))))',
      '(ExprStmt expr=(MacroCall path="assert_ne" call=(!assert_ne left=(Path path=a) right=(Path path=b) fmt=( pieces=[(arg arg=0 spec=( trait="?"))] args=[(Path path=a)] argNames=["a"]))))',
      '(ExprStmt expr=(MacroCall path="debug_assert_eq" call=(!debug_assert_eq left=(Lit 1) right=(Lit 1))))',
    ]);
  });
});

describe("collections, patterns and debugging", () => {
  it("vec! as a list and as a repetition", () => {
    expect(exprDump("vec![1, 2, 3]")).toBe('(MacroCall path="vec" call=(!vec elems=[(Lit 1) (Lit 2) (Lit 3)]))');
    expect(exprDump("vec![]")).toBe('(MacroCall path="vec" call=(!vec))');
    expect(exprDump("vec![String::new(); n]")).toBe('(MacroCall path="vec" call=(!vecRepeat elem=(Call callee=(Path path=String::new)) len=(Path path=n)))');
  });

  it("matches! with and without a guard", () => {
    expect(exprDump("matches!(c, 'a'..='z' | '_')")).toBe(
      '(MacroCall path="matches" call=(!matches scrutinee=(Path path=c) pat=(OrPat alts=[(RangePat lo=(LitPat lit=(Lit \'a\')) hi=(LitPat lit=(Lit \'z\')) inclusive) (LitPat lit=(Lit \'_\'))])))',
    );
    expect(exprDump("matches!(p.poll(cx), Poll::Ready(v) if v > 2,)")).toBe(
      '(MacroCall path="matches" call=(!matches scrutinee=(MethodCall receiver=(Path path=p) method=poll args=[(Path path=cx)]) pat=(TupleStructPat path=Poll::Ready elems=[(IdentPat name=v)]) guard=(Binary op=">" lhs=(Path path=v) rhs=(Lit 2))))',
    );
  });

  it("dbg!, line!, column!, file!, stringify!, concat!", () => {
    expect(exprDump("dbg!(a + 1, b)")).toBe('(MacroCall path="dbg" call=(!dbg args=[(Binary op="+" lhs=(Path path=a) rhs=(Lit 1)) (Path path=b)]))');
    expect(exprDump("(line!(), column!(), file!())")).toBe(
      '(Tuple elems=[(MacroCall path="line" call=(!line)) (MacroCall path="column" call=(!column)) (MacroCall path="file" call=(!file))])',
    );
    expect(exprDump("stringify!(Vec<u8>)")).toBe('(MacroCall path="stringify" call=(!stringify text="Vec<u8>"))');
    expect(exprDump('concat!("a", 1, 2.5, true)')).toBe('(MacroCall path="concat" call=(!concat parts=[(Lit "a") (Lit 1) (Lit 2.5) (Lit true)]))');
  });
});

describe("async and pinning", () => {
  it("pin! in std's form", () => {
    expect(stmtDumps("let fut = pin!(async_fn()); let f2 = std::pin::pin!(x);")).toEqual([
      '(Let pat=(IdentPat name=fut) init=(MacroCall path="pin" call=(!pin value=(Call callee=(Path path=async_fn)))))',
      '(Let pat=(IdentPat name=f2) init=(MacroCall path="std::pin::pin" call=(!pin value=(Path path=x))))',
    ]);
  });

  it("pin_mut! and tokio::pin! declare pinned locals", () => {
    expect(stmtDumps("futures::pin_mut!(a, b); tokio::pin!(c); pin_mut!(d);")).toEqual([
      '(Let pat=(IdentPat name=a mutable) init=(MacroCall path="futures::pin_mut" call=(!pin value=(Path path=a))))',
      '(Let pat=(IdentPat name=b mutable) init=(MacroCall path="futures::pin_mut" call=(!pin value=(Path path=b))))',
      '(Let pat=(IdentPat name=c mutable) init=(MacroCall path="tokio::pin" call=(!pin value=(Path path=c))))',
      '(Let pat=(IdentPat name=d mutable) init=(MacroCall path="pin_mut" call=(!pin value=(Path path=d))))',
    ]);
  });

  it("an unqualified pin!(x); declares only where tokio's pin is imported", () => {
    const withTokio = mainStmts(parseClean("use tokio::pin;\nfn main() { pin!(f); }")).map((s) => dump(s));
    expect(withTokio).toEqual(['(Let pat=(IdentPat name=f mutable) init=(MacroCall path="pin" call=(!pin value=(Path path=f))))']);
    const withStd = mainStmts(parseClean("use std::pin::pin;\nfn main() { pin!(f); }")).map((s) => dump(s));
    expect(withStd).toEqual(['(ExprStmt expr=(MacroCall path="pin" call=(!pin value=(Path path=f))) semi)']);
  });

  it("join! and select!", () => {
    expect(exprDump("futures::join!(a(), b)")).toBe('(MacroCall path="futures::join" call=(!join futures=[(Call callee=(Path path=a)) (Path path=b)]))');
    expect(exprDump("tokio::select! { v = rx.recv() => { v }, Some(x) = other => x + 1, }")).toBe(
      '(MacroCall path="tokio::select" call=(!select arms=[( pat=(IdentPat name=v) future=(MethodCall receiver=(Path path=rx) method=recv) body=(BlockExpr block=(Block tail=(Path path=v)))) ( pat=(TupleStructPat path=Some elems=[(IdentPat name=x)]) future=(Path path=other) body=(Binary op="+" lhs=(Path path=x) rhs=(Lit 1)))]))',
    );
  });

  it("ready! desugars to a match on Poll", () => {
    expect(exprDump("std::task::ready!(fut.poll(cx))")).toBe(
      "(Match scrutinee=(MethodCall receiver=(Path path=fut) method=poll args=[(Path path=cx)]) arms=[( pat=(TupleStructPat path=::std::task::Poll::Ready elems=[(IdentPat name=__pinion_ready)]) body=(Path path=__pinion_ready)) ( pat=(PathPat path=::std::task::Poll::Pending) body=(Return value=(Path path=::std::task::Poll::Pending)))])",
    );
  });

  it("thread_local! declares thread-local statics, also with const initialisers and in blocks", () => {
    const p = parseClean("thread_local! { static A: Cell<u32> = Cell::new(0); pub static B: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) }; }\nfn main() { thread_local!(static C: u8 = 1); }");
    expect(p.crate.items.slice(0, 2).map((i) => dump(i))).toEqual([
      "(Static name=A ty=(PathType path=Cell( types=[(PathType path=u32)])) value=(Call callee=(Path path=Cell::new) args=[(Lit 0)]) threadLocal)",
      "(Static name=B ty=(PathType path=RefCell( types=[(PathType path=Vec( types=[(PathType path=u8)]))])) value=(BlockExpr block=(Block tail=(Call callee=(Path path=RefCell::new) args=[(Call callee=(Path path=Vec::new))]))) threadLocal)",
    ]);
    expect(mainStmts(p).map((s) => (s.kind === "ItemStmt" ? dump(s.item) : s.kind))).toEqual(["(Static name=C ty=(PathType path=u8) value=(Lit 1) threadLocal)"]);
  });
});

describe("nesting", () => {
  it("macros inside macro arguments", () => {
    expect(exprDump('format!("{}", vec![format!("{x}")].len())')).toBe(
      '(MacroCall path="format" call=(!format fmt=( pieces=[(arg arg=0 spec=())] args=[(MethodCall receiver=(MacroCall path="vec" call=(!vec elems=[(MacroCall path="format" call=(!format fmt=( pieces=[(arg arg=0 spec=())] args=[(Path path=x)] argNames=["x"])))])) method=len)] argNames=[_])))',
    );
  });

  it("closures and blocks inside arguments", () => {
    expect(exprDump('println!("{}", { let y = 2; y * 3 })')).toBe(
      '(MacroCall path="println" call=(!println fmt=( pieces=[(arg arg=0 spec=())] args=[(BlockExpr block=(Block stmts=[(Let pat=(IdentPat name=y) init=(Lit 2))] tail=(Binary op="*" lhs=(Path path=y) rhs=(Lit 3))))] argNames=[_])))',
    );
  });

  it("a comment at the end of the arguments", () => {
    expect(exprDump('println!("{}", 1 // one\n)')).toBe('(MacroCall path="println" call=(!println fmt=( pieces=[(arg arg=0 spec=())] args=[(Lit 1)] argNames=[_])))');
  });
});

describe("macros pinion does not know", () => {
  it.each([
    ["include_str!(\"x\")", "P0004 1:21 `include_str!` is not supported by pinion"],
    ["env!(\"HOME\")", "P0004 1:21 `env!` is not supported by pinion"],
    ["std::arch::asm!(\"nop\")", "P0004 1:21 `asm!` is not supported by pinion"],
    ["my_macro!(1)", "P0004 1:21 cannot find macro `my_macro` in this scope"],
    ["serde_json::json!({})", "P0004 1:21 cannot find macro `json` in this scope"],
    ["printn!(\"x\")", "P0004 1:21 cannot find macro `printn` in this scope"],
  ])("%s", (src, line) => {
    expect(diagLines(parseText(`fn main() { let _ = ${src}; }`))).toEqual([line]);
  });

  it("suggests a similar name", () => {
    const p = parseText("macro_rules! greet { () => {} }\nfn main() { gret!(); }");
    expect(p.diagnostics[0]!.help).toEqual(["a macro with a similar name exists: `greet`"]);
  });

  it("says when the macro is defined later in the file", () => {
    const p = parseText("fn main() { m!(); }\nmacro_rules! m { () => {} }");
    expect(diagLines(p)).toEqual(["P0004 1:13 cannot find macro `m` in this scope"]);
    expect(p.diagnostics[0]!.notes).toEqual(["a macro with the same name exists, but it is defined later, at line 2"]);
  });

  it("std macros in the wrong position", () => {
    expect(diagLines(parseText('println!("x");\nfn main() { let x = pin_mut!(a); }'))).toEqual([
      "P0004 1:1 `println!` cannot be used in item position",
      "P0004 2:21 `pin_mut!` can only be used in statement position",
    ]);
  });
});
