// Statements: workflow bodies as static graphs (declarations, expression statements, returns, outputs).
#include "analysis/lower/Context.h"

#include "analysis/Constants.h"
#include "analysis/TypeMapping.h"

namespace flytecc::analysis::lower {

void TULowering::lowerWorkflowBody(const FunctionDecl* fd) {
  if (!ownWorkflows_.count(fd->getCanonicalDecl())) return;
  ir::Workflow* wf = workflowFor(fd);
  if (!wf) return;
  Body body{wf, fd, {}};
  mapCalls_.clear();
  auto* compound = dyn_cast<CompoundStmt>(fd->getBody());
  if (!compound) return statementError(fd->getBody(), "function-try-block");
  bool returned = false;
  for (const Stmt* s : compound->body()) {
    if (returned) {
      statementError(s, "statement after 'return'");
      break;
    }
    lowerStatement(body, s);
    returned = isa<ReturnStmt>(s);
  }
}

void TULowering::statementError(const Stmt* s, llvm::StringRef what) {
  rep_.report(s->getBeginLoc(), DiagKind::WorkflowStatement) << what << s->getSourceRange();
}

void TULowering::lowerStatement(Body& b, const Stmt* s) {
  if (isa<NullStmt>(s)) return;
  if (auto* ds = dyn_cast<DeclStmt>(s)) {
    for (const Decl* d : ds->decls()) {
      if (isa<UsingDirectiveDecl, UsingDecl, StaticAssertDecl, TypedefNameDecl, UsingShadowDecl>(d)) continue;
      auto* vd = dyn_cast<VarDecl>(d);
      if (!vd || !vd->hasInit()) {
        statementError(s, "declaration");
        continue;
      }
      auto v = lowerExpr(b, vd->getInit(), nullptr);
      if (auto* dd = dyn_cast<DecompositionDecl>(vd)) {
        // auto [a, b] = task(x);  ->  a = n.o0, b = n.o1
        auto bindings = dd->bindings();
        if (v && v->kind == Value::Kind::Outputs && bindings.size() == v->outputs.size()) {
          for (size_t i = 0; i < bindings.size(); ++i) b.locals[bindings[i]] = outputOf(*v, i);
        } else {
          if (v)
            expressionError(b, vd->getInit(),
                            "structured bindings unpack the outputs of a task or workflow "
                            "with as many outputs");
          for (auto* bd : bindings) b.locals[bd] = Value::invalid();
        }
        continue;
      }
      b.locals[vd] = v ? std::move(*v) : Value::invalid();
    }
    return;
  }
  if (auto* rs = dyn_cast<ReturnStmt>(s)) return lowerReturn(b, rs);
  // A label alone changes nothing; a 'goto' to it is the error (one root cause, one message).
  if (auto* ls = dyn_cast<LabelStmt>(s)) return lowerStatement(b, ls->getSubStmt());
  if (auto* e = dyn_cast<Expr>(s)) {
    lowerExpr(b, e, nullptr);
    return;
  }
  statementError(s, describeStmt(s));
}

std::string TULowering::describeStmt(const Stmt* s) {
  if (isa<IfStmt>(s)) return "'if' statement";
  if (isa<ForStmt, CXXForRangeStmt, WhileStmt, DoStmt>(s)) return "loop";
  if (isa<SwitchStmt>(s)) return "'switch' statement";
  if (isa<CXXTryStmt>(s)) return "'try' block";
  if (isa<GotoStmt, IndirectGotoStmt>(s)) return "'goto' statement";
  if (isa<CompoundStmt>(s)) return "nested block";
  if (isa<BreakStmt>(s)) return "'break' statement";
  if (isa<ContinueStmt>(s)) return "'continue' statement";
  if (isa<CoreturnStmt>(s)) return "'co_return' statement";
  if (isa<AsmStmt>(s)) return "'asm' statement";
  if (isa<AttributedStmt>(s)) return "attributed statement";
  return "statement";
}

void TULowering::lowerReturn(Body& b, const ReturnStmt* rs) {
  const auto& outs = b.wf->interface.outputs;
  if (!rs->getRetValue()) return;
  if (outs.empty()) {  // `return task(x);` in a void workflow: still a node
    lowerExpr(b, rs->getRetValue(), nullptr);
    return;
  }
  if (auto fields = namedOutputFields(b.fd->getReturnType()); fields && fields->size() == outs.size())
    return lowerNamedReturn(b, rs->getRetValue());
  if (outs.size() > 1) {
    // return {a, b} / std::make_tuple(a, b) / std::tuple<...>(a, b)
    const Expr* e = unwrap(rs->getRetValue());
    std::vector<const Expr*> parts;
    if (auto* c = dyn_cast<CXXConstructExpr>(e))
      for (const Expr* a : c->arguments()) parts.push_back(a);
    else if (auto* call = dyn_cast<CallExpr>(e);
             call && call->getDirectCallee() && call->getDirectCallee()->getName() == "make_tuple")
      for (const Expr* a : call->arguments()) parts.push_back(a);
    else if (auto* ile = dyn_cast<InitListExpr>(e))
      for (const Expr* a : ile->inits()) parts.push_back(a);
    if (parts.size() != outs.size())
      return expressionError(b, rs->getRetValue(), "return a std::tuple of task outputs, one per element");
    for (size_t i = 0; i < parts.size(); ++i) bindOutput(b, outs[i], parts[i]);
    return;
  }
  if (outs.size() == 1) bindOutput(b, outs[0], rs->getRetValue());
}

// A workflow returning named outputs: `return {.label = d.text, .mean = s.mean};` binds each field to its
// output; `return stats(xs);` (or a local holding that call) binds a node's named outputs one by one.
void TULowering::lowerNamedReturn(Body& b, const Expr* value) {
  const auto& outs = b.wf->interface.outputs;
  const Expr* e = unwrap(value);
  const InitListExpr* ile = dyn_cast_or_null<InitListExpr>(e);
  if (ile && ile->isSyntacticForm() && ile->getSemanticForm()) ile = ile->getSemanticForm();
  if (ile) {
    const CXXRecordDecl* rd = ile->getType()->getAsCXXRecordDecl();
    const unsigned skip = rd ? rd->getNumBases() : 0;  // initializers of base classes come first
    if (ile->getNumInits() != skip + outs.size())
      return expressionError(b, value, "set every field of the named outputs");
    for (size_t i = 0; i < outs.size(); ++i) {
      const Expr* init = ile->getInit(skip + i);
      if (!init || isa<ImplicitValueInitExpr>(init) || isa<CXXDefaultInitExpr>(init))
        return expressionError(b, value, "set every field of the named outputs ('" + outs[i].name + "' is not set)");
      bindOutput(b, outs[i], init);
    }
    return;
  }
  auto v = lowerExpr(b, value, nullptr);
  if (!v) return;
  if (v->kind == Value::Kind::Binding && outs.size() == 1) {
    if (!ir::isCastable(v->type, outs[0].type))
      return expressionError(b, value, "the named outputs returned have other types than the workflow's");
    b.wf->outputs.push_back({outs[0].name, v->binding});
    return;
  }
  if (v->kind != Value::Kind::Outputs || v->outputs.size() != outs.size())
    return expressionError(b, value,
                           "return the named outputs of a task or workflow call, or `{.field = value, ...}`");
  for (size_t i = 0; i < outs.size(); ++i) {
    Value o = outputOf(*v, i);
    if (!ir::isCastable(o.type, outs[i].type))
      return expressionError(b, value, "the named outputs returned have other types than the workflow's");
    b.wf->outputs.push_back({outs[i].name, o.binding});
  }
}

void TULowering::bindOutput(Body& b, const ir::Variable& out, const Expr* e) {
  auto v = lowerExpr(b, e, &out.type);
  if (!v) return;
  if (v->kind != Value::Kind::Binding) return expressionError(b, e, "a workflow must return task outputs or inputs");
  if (!(v->type == out.type) && !ir::isCastable(v->type, out.type)) {
    if (!reportPartialFailure(e, *v, out.type, b.fd->getReturnType(), b.fd->getReturnTypeSourceRange()))
      rep_.report(e->getBeginLoc(), DiagKind::BindingType)
          << BindingRole::Output << out.name << b.wf->name << out.type.str() << v->type.str()
          << (v->type.str() + " to " + out.type.str()) << e->getSourceRange();
    return;
  }
  b.wf->outputs.push_back({out.name, v->binding});
}

void TULowering::expressionError(Body& b, const Expr* e, llvm::StringRef why) {
  rep_.report(e->getExprLoc(), DiagKind::WorkflowExpression) << b.fd->getNameAsString() << why << e->getSourceRange();
  noteStringNotEvaluated(e);
}

}  // namespace flytecc::analysis::lower
