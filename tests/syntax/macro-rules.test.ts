// `macro_rules!`: matching, repetition, recursion, hygiene-free transcription, positions, spans, errors.
import { describe, expect, it } from "vitest";
import { dump } from "../../src/syntax/index.js";
import { MAX_EXPANSION_DEPTH } from "../../src/syntax/index.js";
import { at, diagLines, mainStmts, parseClean, parseText } from "./helpers.js";

/** The dump of `let _ = EXPR;`'s initializer in main, after the macro definitions in `defs`. */
function expand(defs: string, expr: string): string {
  const p = parseClean(`${defs}\nfn main() { let _ = ${expr}; }`);
  const s = mainStmts(p)[0]!;
  if (s.kind !== "Let" || !s.init) throw new Error("shape");
  return dump(s.init);
}

describe("matching fragments", () => {
  it("expr keeps its precedence when substituted", () => {
    expect(expand("macro_rules! square { ($x:expr) => { $x * $x }; }", "square!(a + 1)")).toBe(
      '(Binary op="*" lhs=(Binary op="+" lhs=(Path path=a) rhs=(Lit 1)) rhs=(Binary op="+" lhs=(Path path=a) rhs=(Lit 1)))',
    );
  });

  it("expr with commas inside closures, generics and groups", () => {
    const defs = "macro_rules! first { ($a:expr, $b:expr) => { $a }; }";
    expect(expand(defs, "first!(|x, y| x + y, 2)")).toBe('(Closure params=[( pat=(IdentPat name=x)) ( pat=(IdentPat name=y))] body=(Binary op="+" lhs=(Path path=x) rhs=(Path path=y)))');
    expect(expand(defs, "first!(HashMap::<u8, u8>::new(), 2)")).toBe("(Call callee=(Path path=HashMap( types=[(PathType path=u8) (PathType path=u8)])::new))");
    expect(expand(defs, "first!(f(1, 2), 3)")).toBe("(Call callee=(Path path=f) args=[(Lit 1) (Lit 2)])");
  });

  it("ident, ty, literal, tt, block, pat, path, lifetime, vis", () => {
    const p = parseClean(
      [
        "macro_rules! make_fn { ($vis:vis fn $name:ident -> $t:ty = $body:block) => { $vis fn $name() -> $t $body }; }",
        "macro_rules! lit { ($l:literal) => { $l }; }",
        "macro_rules! tts { ($($t:tt)*) => { [$($t),*] }; }",
        "macro_rules! is { ($e:expr, $p:pat) => { match $e { $p => true, _ => false } }; }",
        "macro_rules! call { ($p:path) => { $p() }; }",
        "macro_rules! with_lt { ($l:lifetime) => { fn lt<$l>(x: &$l u8) -> &$l u8 { x } }; }",
        "make_fn!(pub fn seven -> u32 = { 3 + 4 });",
        "with_lt!('a);",
        "fn main() { let a = lit!(-5); let b = tts!(1 2 3); let c = is!(Some(3), Some(1..=5) | None); let d = call!(std::mem::drop); }",
      ].join("\n"),
    );
    expect(p.crate.items.map((i) => dump(i)).slice(0, 2)).toEqual([
      '(Fn attrs=() name=seven generics=() ret=(PathType path=u32) body=(Block tail=(Binary op="+" lhs=(Lit 3) rhs=(Lit 4))))',
      "(Fn attrs=() name=lt generics=() params=[( pat=(IdentPat name=x) ty=(RefType inner=(PathType path=u8)))] ret=(RefType inner=(PathType path=u8)) body=(Block tail=(Path path=x)))",
    ]);
    expect(mainStmts(p).map((s) => (s.kind === "Let" ? dump(s.init) : ""))).toEqual([
      '(Unary op="neg" operand=(Lit 5))',
      "(Array elems=[(Lit 1) (Lit 2) (Lit 3)])",
      "(Match scrutinee=(Call callee=(Path path=Some) args=[(Lit 3)]) arms=[( pat=(OrPat alts=[(TupleStructPat path=Some elems=[(RangePat lo=(LitPat lit=(Lit 1)) hi=(LitPat lit=(Lit 5)) inclusive)]) (IdentPat name=None)]) body=(Lit true)) ( pat=(WildPat) body=(Lit false))])",
      "(Call callee=(Path path=std::mem::drop))",
    ]);
  });

  it("ty fragments with generics and angle brackets, followed by `,` or `=>`", () => {
    const p = parseClean(
      "macro_rules! size_of_all { ($($t:ty),* $(,)?) => { 0 $(+ std::mem::size_of::<$t>())* }; }\nfn main() { let _ = size_of_all!(Vec<u8>, &'static str, [u8; 4], Box<dyn Fn(u8) -> u8>,); }",
    );
    const s = mainStmts(p)[0]!;
    const turbofishes: string[] = [];
    JSON.stringify(s, (k, v) => {
      if (k === "segments" && Array.isArray(v) && v.length === 3 && v[2].ident.name === "size_of") turbofishes.push(dump(v[2].args.types[0]));
      return typeof v === "bigint" ? String(v) : v;
    });
    expect(turbofishes).toEqual([
      "(PathType path=Vec( types=[(PathType path=u8)]))",
      "(RefType inner=(PathType path=str))",
      "(ArrayType elem=(PathType path=u8) len=(Lit 4))",
      "(PathType path=Box( types=[(DynTraitType bounds=[( path=Fn( fnSugar=( inputs=[(PathType path=u8)] output=(PathType path=u8))))])]))",
    ]);
  });

  it("rules are tried in order; the first that matches wins", () => {
    const defs = "macro_rules! m { () => { 0 }; ($a:ident) => { 1 }; ($a:expr) => { 2 }; ($($a:expr),+) => { 3 }; }";
    expect([expand(defs, "m!()"), expand(defs, "m!(x)"), expand(defs, "m!(x + 1)"), expand(defs, "m!(1, 2)")]).toEqual(["(Lit 0)", "(Lit 1)", "(Lit 2)", "(Lit 3)"]);
  });

  it("literal tokens in the matcher must match", () => {
    const defs = "macro_rules! kv { ($k:ident => $v:expr; $($rest:tt)*) => { ($k, $v) }; }";
    expect(expand(defs, "kv!(a => 1 + 1; b => 2)")).toBe('(Tuple elems=[(Path path=a) (Binary op="+" lhs=(Lit 1) rhs=(Lit 1))])');
  });
});

describe("repetitions", () => {
  it("a vec-like macro with separators and an optional trailing comma", () => {
    const defs = "macro_rules! my_vec { ($($x:expr),* $(,)?) => {{ let mut v = Vec::new(); $( v.push($x); )* v }}; }";
    // (The body's `v` is renamed for hygiene, see below; the suffix is dropped here.)
    const unhygienic = (d: string): string => d.replace(/__h\d+/g, "");
    expect(unhygienic(expand(defs, "my_vec![1, 2 + 3,]"))).toBe(
      '(BlockExpr block=(Block stmts=[(Let pat=(IdentPat name=v mutable) init=(Call callee=(Path path=Vec::new))) (ExprStmt expr=(MethodCall receiver=(Path path=v) method=push args=[(Lit 1)]) semi) (ExprStmt expr=(MethodCall receiver=(Path path=v) method=push args=[(Binary op="+" lhs=(Lit 2) rhs=(Lit 3))]) semi)] tail=(Path path=v)))',
    );
    expect(unhygienic(expand(defs, "my_vec![]"))).toBe("(BlockExpr block=(Block stmts=[(Let pat=(IdentPat name=v mutable) init=(Call callee=(Path path=Vec::new)))] tail=(Path path=v)))");
  });

  it("nested repetitions", () => {
    const defs = "macro_rules! matrix { ($([$($x:expr),*]),*) => { [$([$($x * 10),*]),*] }; }";
    expect(expand(defs, "matrix!([1, 2], [3])")).toBe(
      '(Array elems=[(Array elems=[(Binary op="*" lhs=(Lit 1) rhs=(Lit 10)) (Binary op="*" lhs=(Lit 2) rhs=(Lit 10))]) (Array elems=[(Binary op="*" lhs=(Lit 3) rhs=(Lit 10))])])',
    );
  });

  it("`+` needs one, `?` takes at most one, and a repetition gives back iterations to the rest", () => {
    const defs = "macro_rules! m { ($($a:ident)+ ; $($b:literal)?) => { ($($a,)+ $($b)?) }; }";
    expect(expand(defs, "m!(x y ; 5)")).toBe("(Tuple elems=[(Path path=x) (Path path=y) (Lit 5)])");
    expect(expand(defs, "m!(x ;)")).toBe("(Tuple elems=[(Path path=x)])");
    const tail = "macro_rules! last { ($($a:ident)* $b:ident) => { $b }; }";
    expect(expand(tail, "last!(p q r)")).toBe("(Path path=r)");
  });

  it("generating impls for a list of types", () => {
    const p = parseClean(
      [
        "trait Name { fn name() -> &'static str; }",
        "macro_rules! impl_name { ($($t:ty),+) => { $( impl Name for $t { fn name() -> &'static str { stringify!($t) } } )+ }; }",
        "impl_name!(u8, Vec<i32>, &'static str);",
      ].join("\n"),
    );
    const impls = p.crate.items.filter((i) => i.kind === "Impl");
    expect(impls.map((i) => (i.kind === "Impl" ? dump(i.selfTy) : ""))).toEqual([
      "(PathType path=u8)",
      "(PathType path=Vec( types=[(PathType path=i32)]))",
      "(RefType inner=(PathType path=str))",
    ]);
    const names = impls.map((i) => {
      const f = i.kind === "Impl" ? i.items[0] : undefined;
      const t = f?.kind === "Fn" ? f.body?.tail : undefined;
      return t?.kind === "MacroCall" && t.call.macro === "stringify" ? t.call.text : "";
    });
    expect(names).toEqual(["u8", "Vec<i32>", "&'static str"]);
  });
});

describe("recursion", () => {
  it("counting tokens", () => {
    const defs = "macro_rules! count { () => { 0usize }; ($h:tt $($t:tt)*) => { 1usize + count!($($t)*) }; }";
    expect(expand(defs, "count!(a b c)")).toBe(
      '(Binary op="+" lhs=(Lit 1usize) rhs=(Binary op="+" lhs=(Lit 1usize) rhs=(Binary op="+" lhs=(Lit 1usize) rhs=(Lit 0usize))))',
    );
  });

  it("a macro calling another macro, and std macros inside expansions", () => {
    const p = parseClean(
      [
        "macro_rules! double { ($e:expr) => { $e * 2 }; }",
        "macro_rules! show { ($e:expr) => { println!(\"{} -> {}\", stringify!($e), double!($e)) }; }",
        "fn main() { show!(1 + 2); }",
      ].join("\n"),
    );
    expect(dump(mainStmts(p)[0])).toBe(
      '(ExprStmt expr=(MacroCall path="println" call=(!println fmt=( pieces=[(arg arg=0 spec=()) (lit text=" -> ") (arg arg=1 spec=())] args=[(MacroCall path="stringify" call=(!stringify text="1 + 2")) (Binary op="*" lhs=(Binary op="+" lhs=(Lit 1) rhs=(Lit 2)) rhs=(Lit 2))] argNames=[_ _]))) semi)',
    );
  });

  it("max of a list, recursively", () => {
    const defs = "macro_rules! maxm { ($x:expr) => { $x }; ($x:expr, $($rest:expr),+) => {{ let a = $x; let b = maxm!($($rest),+); if a > b { a } else { b } }}; }";
    const d = expand(defs, "maxm!(3, 7, 5)");
    expect(d.match(/\(Lit \d\)/g)).toEqual(["(Lit 3)", "(Lit 7)", "(Lit 5)"]);
  });

  it(`stops at ${MAX_EXPANSION_DEPTH} levels with one diagnostic, which also names the user's invocation`, () => {
    const p = parseText("macro_rules! inf { () => { inf!() }; }\nfn main() {\n    let _ = inf!();\n}");
    expect(diagLines(p)).toEqual(["P0004 1:28 recursion limit reached while expanding `inf!`"]);
    expect(p.diagnostics[0]!.labels.map((l) => `${at(p, l.span)} ${l.message}`)).toEqual(["1:28 ", "3:13 in this macro invocation"]);
  });

  it("deep but finite recursion works", () => {
    const n = 100;
    const p = parseClean(`macro_rules! count { () => { 0 }; ($h:tt $($t:tt)*) => { 1 + count!($($t)*) }; }\nfn main() { let _ = count!(${"x ".repeat(n)}); }`);
    expect(JSON.stringify(mainStmts(p), (_k, v) => (typeof v === "bigint" ? Number(v) : v)).match(/"value":1\b/g)?.length).toBe(n);
  });
});

describe("positions", () => {
  const defs = "macro_rules! stmts { ($n:ident) => { let $n = 1; println!(\"{}\", $n); }; }\nmacro_rules! items { ($n:ident) => { struct $n; impl $n { fn new() -> Self { $n } } }; }\nmacro_rules! pat { () => { Some(_) }; }\nmacro_rules! ty { () => { Vec<u8> }; }";
  it("statements, items, patterns and types", () => {
    const p = parseClean(`${defs}\nitems!(Thing);\nfn main() { stmts!(x); let v: ty!() = Vec::new(); if let pat!() = o {} }`);
    expect(p.crate.items.map((i) => i.kind)).toEqual(["Struct", "Impl", "Fn"]);
    expect(mainStmts(p).map((s) => dump(s))).toEqual([
      "(Let pat=(IdentPat name=x) init=(Lit 1))",
      '(ExprStmt expr=(MacroCall path="println" call=(!println fmt=( pieces=[(arg arg=0 spec=())] args=[(Path path=x)] argNames=[_]))) semi)',
      "(Let pat=(IdentPat name=v) ty=(PathType path=Vec( types=[(PathType path=u8)])) init=(Call callee=(Path path=Vec::new)))",
    ]);
    // The `if let` is the block's tail.
    expect(dump(mainStmts(p).length === 3 && p.crate.items[2]!.kind === "Fn" ? p.crate.items[2]!.body!.tail : undefined)).toBe(
      "(If cond=(LetCond pat=(TupleStructPat path=Some elems=[(WildPat)]) scrutinee=(Path path=o)) then=(Block))",
    );
  });

  it("a macro invocation as a block's tail expression stays the tail", () => {
    const p = parseClean("macro_rules! one { () => { 1 }; }\nfn f() -> i32 { one!() }");
    const f = p.crate.items[0]!;
    expect(f.kind === "Fn" && dump(f.body)).toBe("(Block tail=(Lit 1))");
  });
});

describe("hygiene of local variables", () => {
  it("a local bound by the macro's body does not capture the caller's variable of the same name", () => {
    const p = parseClean("macro_rules! my_vec { ($($x:expr),*) => {{ let mut v = Vec::new(); $( v.push($x); )* v }}; }\nfn main() { let v = 1; let w = my_vec![v + 1]; }");
    const s = mainStmts(p)[1]!;
    const d = s.kind === "Let" ? dump(s.init) : "";
    // The body's `v` is renamed everywhere it is used; the argument's `v` is the caller's.
    expect(d).toMatch(/^\(BlockExpr block=\(Block stmts=\[\(Let pat=\(IdentPat name=(v__h\d+) mutable\).*method=push args=\[\(Binary op="\+" lhs=\(Path path=v\) rhs=\(Lit 1\)\)\]\) semi\)\] tail=\(Path path=\1\)\)\)$/);
  });
  it("a name passed in by the caller is declared with the caller's name", () => {
    const p = parseClean("macro_rules! declare { ($n:ident = $v:expr) => { let $n = $v; }; }\nfn main() { declare!(answer = 42); let b = answer; }");
    expect(mainStmts(p).map((s) => dump(s))).toEqual(["(Let pat=(IdentPat name=answer) init=(Lit 42))", "(Let pat=(IdentPat name=b) init=(Path path=answer))"]);
  });
  it("fields, methods and paths with the same name are not renamed", () => {
    const p = parseClean("macro_rules! m { () => {{ let len = 3; let s = S { len: len }; s.len() + len::MAX + len }}; }\nfn main() { let _ = m!(); }");
    const d = dump(mainStmts(p)[0]);
    expect(d).toContain("name=len value=(Path path=len__h");
    expect(d).toContain("method=len");
    expect(d).toContain("path=len::MAX");
  });
});

describe("scoping", () => {
  it("a macro is visible after its definition, in blocks and nested modules, not before", () => {
    const p = parseText(
      ["fn before() { m!(); }", "macro_rules! m { () => { () }; }", "mod inner { fn f() { m!(); } }", "fn after() { m!(); macro_rules! local { () => {} } local!(); }", "fn other() { local!(); }"].join("\n"),
    );
    expect(diagLines(p)).toEqual(["P0004 1:15 cannot find macro `m` in this scope", "P0004 5:14 cannot find macro `local` in this scope"]);
  });

  it("#[macro_use] modules export their macros to what follows; #[macro_export] allows crate:: paths", () => {
    const p = parseText(
      ["#[macro_use] mod ms { macro_rules! a { () => { 1 }; } }", "mod e { #[macro_export] macro_rules! b { () => { 2 }; } }", "fn main() { let _ = a!(); let _ = crate::b!(); }"].join("\n"),
    );
    expect(diagLines(p)).toEqual([]);
  });

  it("user macros shadow std macros of the same name", () => {
    expect(expand("macro_rules! vec { ($x:expr) => { [$x] }; }", "vec![1]")).toBe("(Array elems=[(Lit 1)])");
  });
});

describe("spans", () => {
  it("substituted fragments point at the invocation's arguments, the rest at the macro's body", () => {
    const src = ["macro_rules! add_one {", "    ($x:expr) => { $x + 1 };", "}", "fn main() {", "    let v = add_one!(a * b);", "}"].join("\n");
    const p = parseClean(src);
    const s = mainStmts(p)[0]!;
    if (s.kind !== "Let" || s.init?.kind !== "Binary") throw new Error("shape");
    // The whole expansion stands at the invocation.
    expect(`${at(p, s.init.span)} ${p.file.snippet(s.init.span)}`).toBe("5:13 add_one!(a * b)");
    // `a * b` comes from the argument.
    expect(`${at(p, s.init.lhs.span)} ${p.file.snippet(s.init.lhs.span)}`).toBe("5:22 a * b");
    // `1` comes from the body.
    expect(`${at(p, s.init.rhs.span)} ${p.file.snippet(s.init.rhs.span)}`).toBe("2:25 1");
  });

  it("an expansion that is just an argument keeps the argument's span", () => {
    const p = parseClean("macro_rules! id { ($x:expr) => { $x }; }\nfn main() {\n    let v = id!(42);\n}");
    const s = mainStmts(p)[0]!;
    expect(s.kind === "Let" && s.init && at(p, s.init.span)).toBe("3:17");
  });

  it("errors inside an expansion point at the user's code", () => {
    const p = parseText('macro_rules! show { ($e:expr) => { println!("{} {}", $e) }; }\nfn main() {\n    show!(1);\n}');
    expect(diagLines(p)).toEqual(["P0004 1:46 2 positional arguments in format string, but there is 1 argument"]);
  });
});

describe("errors", () => {
  // More cases, with rustc's messages and positions, are in oracle/cases.mjs.
  it.each([
    ["macro_rules! m { ($a:expr) => { $a }; }\nfn main() { let _ = m!(1, 2); }", "P0004 2:25 no rules expected `,`"],
    ["macro_rules! m { ($a:expr, $b:expr) => { $a }; }\nfn main() { let _ = m!(1); }", "P0004 2:25 unexpected end of macro invocation"],
    ["macro_rules! m { ($($a:expr),*) => { $a }; }\nfn main() { let _ = m!(1); }", "P0004 1:38 variable `a` is still repeating at this depth"],
    ["macro_rules! m { () => { let x = 1; x }; }\nfn main() { let _ = m!(); }", "P0004 2:21 the expansion of `m!` is not an expression"],
  ])("%s", (src, line) => {
    expect(diagLines(parseText(src))[0]).toBe(line);
  });
});
