// A client component ("use client" as its first statement) is bundled for the
// browser: it must not import the database layer. Only its direct imports are
// checked; a pure module (zod schemas, formatting) may be imported freely.
const FORBIDDEN = [
  /^@prisma\//,
  /^pg(-.*)?$/,
  /^@electric-sql\//,
  /(^|\/)lib\/db$/,
  /(^|\/)lib\/database(\/|$)/,
  /(^|\/)lib\/generated\/prisma\/client$/,
  /^server-only$/,
  /^node:/,
];

/** @type {import("eslint").Rule.RuleModule} */
export default {
  meta: {
    type: "problem",
    docs: { description: "client components must not import the database layer, Prisma, pg or Node built-ins" },
    messages: {
      forbidden:
        "A client component cannot import '{{source}}': it runs in the browser. Move the work to a server component or lib/ and pass plain data down.",
    },
    schema: [],
  },
  create(context) {
    const body = context.sourceCode.ast.body;
    const first = body[0];
    const isClient = first?.type === "ExpressionStatement" && first.directive === "use client";
    if (!isClient) return {};
    const check = (node, source) => {
      if (typeof source === "string" && FORBIDDEN.some((re) => re.test(source)))
        context.report({ node, messageId: "forbidden", data: { source } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
    };
  },
};
