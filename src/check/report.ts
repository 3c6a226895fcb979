// The checker's diagnostics, built in one place from what the analyses found. Each tells the story:
// the primary span says *what* (the move, the call), secondary labels say *why* (the borrow that
// crosses the `.await`, the `.await`, the pin, the first poll), a note says what rustc does with the
// same program, and help says how to fix it.
//
//   error[P0101]: `fut` is moved after it was pinned and polled
//     --> tests/ui/p0101_let_move_after_poll.rs:33:21
//      |
//   22 |     let r = &name;
//      |             ----- `r` borrows `name`, which is stored in the future
//   23 |     yield_once().await;
//      |                 ------ `r` is kept across this `.await`
//   ...
//   31 |     let first = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx);
//      |                          ----------------------------  -------------- first polled here: …
//      |                          |
//      |                          pinned here with `Pin::new_unchecked`
//   32 |     println!("first: {:?}", first);
//   33 |     let mut moved = fut;
//      |                     ^^^ moved here, while it points into itself
//      = note: …
//      = help: …
//
// Messages are lowercase with no final period and code in backticks (STYLE.md).

import type { Span } from "../syntax/source.js";
import { assertNever, diagnostic, secondary, type Diagnostic, type Label } from "../diagnostics/diagnostic.js";
import type { Program, Solver } from "../resolve/index.js";
import { printTy } from "../resolve/print.js";
import type { Ty } from "../resolve/ty.js";
import type { Body } from "../mir/types.js";
import type * as ast from "../syntax/ast.js";
import type { Fact, FlowEvent, FlowResult, Finding, StoreSite } from "./flow.js";
import type { NewUncheckedFinding } from "./new-unchecked.js";
import { placeTy, type APlace } from "./places.js";
import { describeBodyPlace, futureName, type AsyncInfo, type SelfRefOracle, type SelfRefReason } from "./selfref.js";
import { notUnpin, type UnpinBoundFinding } from "./unpin.js";
import type { AstIndex } from "./ast.js";

export interface ReportContext {
  readonly program: Program;
  readonly oracle: SelfRefOracle;
  readonly ast: AstIndex;
}

/** A label for a call: on the method name of a method call (`poll`), else the whole call. */
function callSpan(ctx: ReportContext, s: Span): Span {
  const call = ctx.ast.callAt(s);
  return call?.kind === "MethodCall" ? call.method.span : s;
}

function ty(ctx: ReportContext, t: Ty): string {
  return printTy(ctx.program.tcx, t);
}

function line(ctx: ReportContext, s: Span): number {
  return ctx.program.file.lineCol(s.lo).line;
}

// ---------------------------------------------------------------------------------------------------
// Why a value points into itself, as notes and labels

function reasonText(ctx: ReportContext, r: SelfRefReason): string {
  switch (r.kind) {
    case "borrow":
      return `${r.future} keeps \`${r.holder}\`, a reference to its own \`${r.target}\`, across the \`.await\` on line ${line(ctx, r.await)}`;
    case "holds":
      return `${r.future} keeps ${r.what} (its \`${r.local}\`) across the \`.await\` on line ${line(ctx, r.await)}, and ${reasonText(ctx, r.inner)}`;
    case "contains":
      return `${reasonText(ctx, r.inner)}; \`${r.ty}\` holds that value in ${r.part}`;
    case "struct":
      return `\`${r.ty}\` stores a pointer to one of its fields in another (line ${line(ctx, r.store.span)})`;
    case "generic":
      return `\`${r.ty}\` is not known to be \`Unpin\`: it may be a future that points into itself once polled`;
    default:
      return assertNever(r, "reason");
  }
}

function reasonLabels(ctx: ReportContext, r: SelfRefReason): Label[] {
  switch (r.kind) {
    case "borrow": {
      const out: Label[] = [];
      if (r.borrow) out.push(secondary(r.borrow, `\`${r.holder}\` borrows \`${r.target}\`, which is stored in the future`));
      out.push(secondary(r.await, `\`${r.holder}\` is kept across this \`.await\``));
      return out;
    }
    case "holds":
      return [secondary(r.await, `${r.future} keeps ${r.what} here while it is suspended`), ...reasonLabels(ctx, r.inner)];
    case "contains":
      return reasonLabels(ctx, r.inner);
    case "struct":
      return [secondary(r.store.span, storeLabel(ctx, r.store))];
    case "generic":
      return [];
    default:
      return assertNever(r, "reason");
  }
}

function storeLabel(ctx: ReportContext, s: StoreSite): string {
  return `stores a pointer to \`${placeName(ctx, s.body, s.to)}\` in \`${placeName(ctx, s.body, s.into)}\``;
}

function placeName(ctx: ReportContext, body: Body, p: APlace): string {
  return describeBodyPlace(body, p, ctx.program);
}

/** A moved place in a message: `` `fut` ``, or in words when it has no name of its own. */
function quotedPlace(ctx: ReportContext, body: Body, p: APlace): string {
  const d = p.root.kind === "local" ? body.locals[p.root.local] : undefined;
  if (d && d.kind === "named" && d.name === "pinned" && p.steps.length === 0) return "the value pinned by `pin!`";
  if (p.root.kind === "local" && (!d || d.name === undefined || d.kind === "temp")) return "a value";
  return `\`${placeName(ctx, body, p)}\``;
}

// ---------------------------------------------------------------------------------------------------
// P0101 / P0105: moves of values that point into themselves

export function reportMoves(ctx: ReportContext, flow: FlowResult): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of flow.findings) {
    if (f.kind !== "move") continue;
    const d = moveDiagnostic(ctx, flow, f);
    if (d) out.push(d);
  }
  return out;
}

interface Qualified {
  readonly moved: APlace;
  readonly unchecked: boolean;
  readonly fact: Fact;
  readonly use: FlowEvent;
  readonly reason: SelfRefReason;
}

function qualify(ctx: ReportContext, flow: FlowResult, f: Extract<Finding, { kind: "move" }>): Qualified[] {
  const out: Qualified[] = [];
  for (const m of f.moved) {
    for (const fact of m.facts) {
      for (const id of [...fact.events].sort((a, b) => a - b)) {
        const ev = flow.events[id]!;
        let reason: SelfRefReason | undefined;
        if (ev.kind === "poll") reason = ctx.oracle.reason(placeTy(fact.place));
        else if (ev.kind === "init" && ev.store) reason = { kind: "struct", ty: ty(ctx, placeTy(fact.place)), store: ev.store };
        if (!reason) continue;
        out.push({ moved: m.place, unchecked: m.unchecked, fact, use: ev, reason });
        break;
      }
      if (out.length && out[out.length - 1]!.moved === m.place) break;
    }
  }
  return out;
}

function moveDiagnostic(ctx: ReportContext, flow: FlowResult, f: Extract<Finding, { kind: "move" }>): Diagnostic | undefined {
  const qs = qualify(ctx, flow, f);
  if (!qs.length) return undefined;
  const body = flow.body;
  const first = qs[0]!;
  const unchecked = qs.some((q) => q.unchecked);
  const code = unchecked ? "P0105" : "P0101";
  const names = [...new Set(qs.map((q) => quotedPlace(ctx, body, q.moved)))];
  const subject = names.join(" and ");
  const polled = qs.every((q) => q.use.kind === "poll");
  const plural = names.length > 1;
  const after = polled ? `after ${plural ? "they were" : "it was"} pinned and polled` : `after ${plural ? "they were made to point into themselves" : "it was made to point into itself"}`;
  const verb = plural ? "are" : "is";
  const message = unchecked
    ? `${subject} ${verb} moved out through \`get_unchecked_mut\` ${after}`
    : f.how === "move"
      ? `${subject} ${verb} moved ${after}`
      : `${subject} ${verb} moved by \`${f.how}\` ${after}`;
  const primary =
    f.how === "move" ? "moved here, while it points into itself" : `\`${f.how}\` moves ${plural ? "them while they point into themselves" : "it while it points into itself"}`;

  const labels: Label[] = [];
  const seen = new Set<string>([`${f.span.lo}:${f.span.hi}`]);
  const add = (l: Label) => {
    const k = `${l.span.lo}:${l.span.hi}`;
    if (seen.has(k)) return;
    seen.add(k);
    labels.push(l);
  };
  for (const l of reasonLabels(ctx, first.reason)) add(l);
  const events = [...new Set(qs.flatMap((q) => [...q.fact.events]))].map((id) => flow.events[id]!);
  const pin = events.filter((e) => e.kind === "pin").sort((a, b) => a.span.lo - b.span.lo)[0];
  const uses = qs.map((q) => q.use).sort((a, b) => a.span.lo - b.span.lo);
  if (pin) add(secondary(pin.span, `pinned here with \`${pin.via}\``));
  for (const u of uses) {
    if (u.kind === "poll" && u.via === "Future::poll") add(secondary(callSpan(ctx, u.span), "polled here: from now on it points into itself"));
    else if (u.kind === "poll") add(secondary(callSpan(ctx, u.span), `${u.via === "the closure" ? "calling the closure" : `\`${u.via}\``} polls it here: from now on it points into itself`));
    else add(secondary(callSpan(ctx, u.span), u.via === "store" ? "made to point into itself here" : `\`${u.via}\` makes it point into itself here`));
  }

  const notes = [`${reasonText(ctx, first.reason)}; moving it leaves that pointer aimed at the old place`];
  const isFuture = first.reason.kind !== "struct";
  if (unchecked) {
    notes.push("rustc compiles this program: `get_unchecked_mut` is `unsafe`, and moving the value out through it breaks its contract — undefined behavior when the stale pointer is used");
  } else {
    notes.push("rustc compiles this program: the move is safe code, so the mistake shows only at run time, as undefined behavior when the stale pointer is used");
  }
  const help = unchecked
    ? ["replace a pinned value in place with `Pin::set`, or move the `Pin<Box<_>>`s (the pointers) instead of what they point to"]
    : isFuture
      ? ["pin the future where it will stay before its first poll — `let mut fut = std::pin::pin!(fut);` or `let mut fut = Box::pin(fut);` — and move the `Pin<Box<_>>` (a pointer) instead of the future"]
      : ["pin the value before it points into itself (`Box::pin`), give the struct a `std::marker::PhantomPinned` field, and move the `Pin<Box<_>>` instead of the value"];
  return diagnostic(code, "error", message, f.span, primary, { labels, notes, help });
}

// ---------------------------------------------------------------------------------------------------
// P0103 through a pinned deref (the flow's findings)

export function reportPinDerefs(ctx: ReportContext, flow: FlowResult, solver: Solver): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of flow.findings) {
    if (f.kind !== "pinDeref") continue;
    if (!notUnpin(solver, f.target)) continue;
    const t = ty(ctx, f.target);
    const [message, label, rustc] =
      f.use === "borrowMut"
        ? [`cannot borrow \`${t}\` as mutable through its \`Pin\``, "cannot borrow as mutable", "E0596 (cannot borrow data in dereference of `Pin<…>` as mutable)"]
        : f.use === "assign"
          ? [`cannot assign to \`${t}\` through its \`Pin\``, "cannot assign", "E0594 (cannot assign to data in dereference of `Pin<…>`)"]
          : [`cannot move \`${t}\` out of its \`Pin\``, "move out of a `Pin` here", "E0507 (cannot move out of dereference of `Pin<…>`)"];
    const notes = [
      f.use === "moveOut"
        ? `a \`Pin\` hands out references to its target, never the target itself, and a \`&mut\` only when the target is \`Unpin\` (\`DerefMut\`), which \`${t}\` is not`
        : `a \`Pin\` hands out \`&mut\` to its target only when the target is \`Unpin\` (\`DerefMut\`), and \`${t}\` is not`,
      ...selfRefNote(ctx, f.target),
      `rustc rejects this with ${rustc}`,
    ];
    const help =
      f.use === "moveOut"
        ? ["keep the value where it is pinned and use it through the `Pin` (`as_mut()`, `as_ref()`); move the `Pin<Box<_>>` itself if it must go elsewhere"]
        : ["use `Pin::as_mut` to poll it again and `Pin::set` to replace it in place; to change a field, use `unsafe { Pin::get_unchecked_mut(…) }` and never move the value out"];
    out.push(diagnostic("P0103", "error", message, f.span, label, { notes, help }));
  }
  return out;
}

/** P0103's note: does the value really point into itself, and through what. */
function selfRefNote(ctx: ReportContext, t: Ty): string[] {
  const tcx = ctx.program.tcx;
  const info = ctx.oracle.asyncOf(t);
  if (info) {
    const r = ctx.oracle.reason(t);
    if (r) return [`${reasonText(ctx, r)}, so after its first poll it does point into itself`];
    return [`${futureName(info.layout, ctx.program)} holds no reference across an \`.await\` and would survive a move, but rustc makes every \`async\` future \`!Unpin\` without looking`];
  }
  if (t.k === "adt") {
    const d = tcx.def(t.def);
    const phantom = d.kind === "struct" && tcx.fieldsOf(t.def).some((f) => f.ty.k === "adt" && f.ty.def === tcx.lang.PhantomPinned);
    if (phantom) return [`\`${ty(ctx, t)}\` opts out of \`Unpin\` with a \`PhantomPinned\` field: it promises to point into itself once pinned`];
    const r = ctx.oracle.reason(t);
    if (r) return [reasonText(ctx, r)];
    return [`\`${ty(ctx, t)}\` is \`!Unpin\` because one of its fields is`];
  }
  if (t.k === "param") return [`\`${t.name}\` is a generic type without an \`Unpin\` bound: it may be a future that points into itself once polled`];
  return [];
}

// ---------------------------------------------------------------------------------------------------
// P0103 from `Unpin` bounds

export function reportUnpinBounds(ctx: ReportContext, findings: readonly UnpinBoundFinding[]): Diagnostic[] {
  return findings.map((f) => {
    const t = ty(ctx, f.ty);
    const message = f.kind === "bound" ? `\`${f.fnName}\` requires \`Unpin\`, and \`${t}\` is not \`Unpin\`` : `\`${t}\` cannot be unpinned, as \`${f.fnName}\` requires`;
    const labels = f.calleeSpan ? [secondary(f.calleeSpan, `required by a bound in \`${f.fnName}\``)] : [];
    const notes = [...selfRefNote(ctx, f.ty), "rustc rejects this with E0277 (the trait bound `Unpin` is not satisfied)"];
    const help = (() => {
      switch (f.kind) {
        case "pinNew":
          return ["pin it with `std::pin::pin!(…)` (on the stack) or `Box::pin(…)` (on the heap): neither needs `Unpin`"];
        case "pinGetMut":
          return ["use `Pin::as_mut` to poll it again and `Pin::set` to replace it in place; a plain `&mut` to a value that must not move exists only in `unsafe` code (`get_unchecked_mut`)"];
        case "pinIntoInner":
          return ["keep the `Pin<Box<_>>`: moving the box moves only the pointer, and the value stays where it is"];
        case "bound":
          return [`pin it first: \`Box::pin(…)\` is \`Unpin\` and can be passed where \`${f.fnName}\` requires \`Unpin\``];
        default:
          return assertNever(f.kind, "Unpin bound");
      }
    })();
    return diagnostic("P0103", "error", message, f.span, `the trait \`Unpin\` is not implemented for \`${t}\``, { labels, notes, help });
  });
}

// ---------------------------------------------------------------------------------------------------
// P0104: `.poll` without a `Pin`

export function reportUnpinnedPoll(ctx: ReportContext, call: ast.MethodCallExpr, solver: Solver): Diagnostic {
  const program = ctx.program;
  const recvTy = program.exprTypes.get(call.receiver.id);
  const t = recvTy ? ty(ctx, recvTy) : "this value";
  const recv = program.file.snippet(call.receiver.span);
  const short = recv.length <= 30 && !recv.includes("\n") ? `\`${recv}\`` : "a future";
  const labels = [secondary(call.receiver.span, recvTy ? `this is \`${t}\`, not a \`Pin<&mut _>\`` : "not a `Pin<&mut _>`")];
  // A `Box<F>` is always `Unpin`, but it is a future only when `F: Unpin`: what matters is `F`.
  const stripped = recvTy ? stripRefs(recvTy) : undefined;
  const pinnedBox = pinnedBoxOf(ctx, stripped);
  if (pinnedBox && notUnpin(solver, pinnedBox)) {
    // `Pin::new(&mut boxed).poll(cx)`: the pin is of the box, and `Box<F>: Future` needs `F: Unpin`.
    const inner = ty(ctx, pinnedBox);
    return diagnostic("P0104", "error", `\`poll\` is called on a pinned \`Box\` whose future is not \`Unpin\``, call.method.span, `\`Box<${inner}>\` is a future only when \`${inner}: Unpin\``, {
      labels: [secondary(call.receiver.span, "this pins the box, not the future inside it")],
      notes: [`rustc rejects this with E0599 (the method \`poll\` exists for \`${t}\`, but its trait bounds were not satisfied): \`${inner}: Unpin\` is required by \`Box<${inner}>: Future\``],
      help: ["make the box with `Box::pin(…)` instead of `Box::new(…)`: it pins the future itself, polled with `boxed.as_mut().poll(cx)`"],
    });
  }
  const boxed = stripped?.k === "adt" && stripped.def === program.tcx.lang.Box ? stripped.args[0] : undefined;
  const unpin = stripped ? !notUnpin(solver, boxed ?? stripped) : false;
  const throughPin = call.receiver.kind === "Field" && isPinTy(ctx, program.exprTypes.get(call.receiver.object.id));
  const help = throughPin
    ? ["project the pin onto the field and poll that: `unsafe { self.map_unchecked_mut(|s| &mut s.field) }.poll(cx)` (sound when the field is never moved out)"]
    : boxed && !unpin
      ? ["make the box with `Box::pin(…)` instead of `Box::new(…)`: it gives a `Pin<Box<_>>`, polled with `boxed.as_mut().poll(cx)`"]
      : unpin
      ? [
          call.receiver.kind === "Path"
            ? `this future is \`Unpin\`: \`Pin::new(&mut ${recv}).poll(cx)\` pins it for the call`
            : "this future is `Unpin`: bind it (`let mut fut = …;`), then `Pin::new(&mut fut).poll(cx)` pins it for the call",
        ]
      : ["pin it once, then poll through the pin: `let mut fut = std::pin::pin!(fut);` and `fut.as_mut().poll(cx)` (or `Box::pin(fut)`)"];
  const notes = [
    boxed && !unpin
      ? `rustc rejects this with E0599 (no method named \`poll\` found for \`${t}\`): the method exists on \`Pin<&mut ${ty(ctx, boxed)}>\`, and \`${t}\` is a future only when what it holds is \`Unpin\``
      : `rustc rejects this with E0599 (no method named \`poll\` found for \`${t}\`): the method exists on \`Pin<&mut ${t}>\``,
  ];
  return diagnostic("P0104", "error", `\`poll\` is called on ${short}, which is not pinned`, call.method.span, "`Future::poll` takes `self: Pin<&mut Self>`", { labels, notes, help });
}

/** `F` of `Pin<&mut Box<F>>` (or `Pin<&Box<F>>`), the box a pin holds; undefined otherwise. */
function pinnedBoxOf(ctx: ReportContext, t: Ty | undefined): Ty | undefined {
  const lang = ctx.program.tcx.lang;
  if (t?.k !== "adt" || t.def !== lang.Pin) return undefined;
  const target = t.args[0] ? stripRefs(t.args[0]) : undefined;
  return target?.k === "adt" && target.def === lang.Box ? target.args[0] : undefined;
}

function stripRefs(t: Ty): Ty {
  let cur = t;
  while (cur.k === "ref") cur = cur.inner;
  return cur;
}

function isPinTy(ctx: ReportContext, t: Ty | undefined): boolean {
  const s = t ? stripRefs(t) : undefined;
  return !!s && s.k === "adt" && s.def === ctx.program.tcx.lang.Pin;
}

// ---------------------------------------------------------------------------------------------------
// P0102: `Pin::new_unchecked(&mut x)` on a reachable local

export function reportNewUnchecked(ctx: ReportContext, f: NewUncheckedFinding): Diagnostic {
  const program = ctx.program;
  const name = program.file.snippet(f.arg.operand.span);
  const localName = program.locals[f.local]?.name ?? name;
  const labels: Label[] = [];
  const decl = program.locals[f.local];
  if (decl) labels.push(secondary(decl.span, `\`${localName}\` is declared here`));
  const notes = [`\`Pin::new_unchecked\` promises that \`${name}\` is never moved again until it is dropped; nothing checks that promise while \`${localName}\` can still be named`];
  switch (f.reach.kind) {
    case "later":
      labels.push(secondary(f.reach.next.span.hi - f.reach.next.span.lo > 200 ? { lo: f.reach.next.span.lo, hi: f.reach.next.span.lo } : firstLine(program, f.reach.next.span), `\`${localName}\` can still be named (and moved) here`));
      break;
    case "loop":
      notes.push(`the call is inside a loop: the next iteration names \`${localName}\` again`);
      break;
    case "closure":
      notes.push("the call is inside a closure or async block, which may run more than once");
      break;
    default:
      assertNever(f.reach, "reachability");
  }
  if (f.inVec) {
    // `&mut v[0]`: the element lives in the Vec's buffer, which `push`, `insert` or `reserve` move.
    notes.push(`\`${name}\` is an element of the Vec \`${localName}\`: growing it (\`push\`, \`insert\`, \`reserve\`) moves its buffer, and every element with it`);
    const help = [`store pinned boxes in the Vec (\`Vec<Pin<Box<_>>>\`, filled with \`Box::pin(fut)\`): growing it then moves the boxes, not the futures`];
    return diagnostic("P0102", "warning", `\`Pin::new_unchecked\` pins \`${name}\`, which stays reachable through \`${localName}\``, f.call.span, `pins \`${name}\`, a place in a Vec's buffer`, { labels, notes, help });
  }
  const help = [`use \`let mut ${localName} = std::pin::pin!(${localName});\` (or \`Box::pin(${localName})\`): the value moves into a place that no name reaches, and the pin shadows the name`];
  return diagnostic("P0102", "warning", `\`Pin::new_unchecked\` pins \`${name}\`, which stays reachable by name`, f.call.span, `pins \`${name}\`, a place on the stack`, { labels, notes, help });
}

/** The span cut to its first line (a label on a whole multi-line statement is noise). */
function firstLine(program: Program, s: Span): Span {
  const text = program.file.snippet(s);
  const nl = text.indexOf("\n");
  return nl < 0 ? s : { lo: s.lo, hi: s.lo + text.slice(0, nl).trimEnd().length };
}

// ---------------------------------------------------------------------------------------------------
// P0201: a struct that points into itself without `PhantomPinned`

export function reportSelfPointingStruct(ctx: ReportContext, item: ast.StructItem, store: StoreSite): Diagnostic {
  const name = item.name.name;
  const into = placeName(ctx, store.body, store.into);
  const field = into.includes(".") ? into.slice(into.lastIndexOf(".") + 1) : into;
  const labels = [secondary(store.span, storeLabel(ctx, store))];
  const notes = [
    `every move of a \`${name}\` copies its fields to a new place and leaves its \`${field}\` pointing at the old one`,
    "rustc compiles this without a warning; reading through the stale pointer is undefined behavior",
  ];
  const help = [`add a \`_pin: std::marker::PhantomPinned\` field, so that a pinned \`${name}\` cannot be moved by safe code, and pin the value (\`Box::pin\`) before storing the pointer`];
  return diagnostic("P0201", "warning", `\`${name}\` points to its own field but does not opt out of \`Unpin\``, item.name.span, `\`${name}\` is \`Unpin\`: safe code may move it at any time`, { labels, notes, help });
}

// ---------------------------------------------------------------------------------------------------
// P0001: a reference held across an `.await` into the future itself

export function reportSuspendNotes(ctx: ReportContext, info: AsyncInfo): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const future = futureName(info.layout, ctx.program);
  for (const p of info.pairs) {
    if (!p.origin) continue;
    const key = `${p.origin.lo}:${p.origin.hi}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const holder = info.body.locals[p.holder]?.name ?? "a temporary";
    const target = describeBodyPlace(info.body, p.target, ctx.program);
    out.push(
      diagnostic("P0001", "note", `\`${holder}\` holds a reference to \`${target}\` across an \`.await\`: ${future} points into itself`, p.origin, "borrowed here", {
        labels: [secondary(p.state.await!.awaitSpan, `\`${holder}\` is kept across this \`.await\` (${p.state.name})`)],
        notes: ["once polled, this future must not move: poll it through `std::pin::pin!` or `Box::pin`"],
      }),
    );
  }
  return out;
}
