// src/front/token.h -- Token kinds of the Python tokenizer, declared once.
// ORDER TOKEN: the operator rows keep CPython's token.h spelling so error
// messages and dumps read the same.
// Depends on nothing.
#pragma once

#include <cstdint>
#include <string_view>

namespace contrail::front {

#define CT_TOKENS(_)                                                          \
  _(ENDMARKER, "") _(NAME, "") _(NUMBER, "") _(STRING, "")                    \
  _(NEWLINE, "") _(INDENT, "") _(DEDENT, "")                                  \
  _(LPAR, "(") _(RPAR, ")") _(LSQB, "[") _(RSQB, "]") _(LBRACE, "{")          \
  _(RBRACE, "}") _(COLON, ":") _(COMMA, ",") _(SEMI, ";") _(PLUS, "+")        \
  _(MINUS, "-") _(STAR, "*") _(SLASH, "/") _(VBAR, "|") _(AMPER, "&")         \
  _(LESS, "<") _(GREATER, ">") _(EQUAL, "=") _(DOT, ".") _(PERCENT, "%")      \
  _(EQEQUAL, "==") _(NOTEQUAL, "!=") _(LESSEQUAL, "<=")                       \
  _(GREATEREQUAL, ">=") _(TILDE, "~") _(CIRCUMFLEX, "^") _(LEFTSHIFT, "<<")   \
  _(RIGHTSHIFT, ">>") _(DOUBLESTAR, "**") _(PLUSEQUAL, "+=")                  \
  _(MINEQUAL, "-=") _(STAREQUAL, "*=") _(SLASHEQUAL, "/=")                    \
  _(PERCENTEQUAL, "%=") _(AMPEREQUAL, "&=") _(VBAREQUAL, "|=")                \
  _(CIRCUMFLEXEQUAL, "^=") _(LEFTSHIFTEQUAL, "<<=")                           \
  _(RIGHTSHIFTEQUAL, ">>=") _(DOUBLESTAREQUAL, "**=") _(DOUBLESLASH, "//")    \
  _(DOUBLESLASHEQUAL, "//=") _(AT, "@") _(ATEQUAL, "@=") _(RARROW, "->")      \
  _(ELLIPSIS, "...") _(COLONEQUAL, ":=")                                      \
  _(OP, "")         /* any other punctuation character ('$', '?', '!') */     \
  _(ERRORTOKEN, "") /* the lexer failed; see Lexer::error() */

enum class Tok : uint8_t {
#define CT_TOK_ENUM(name, text) name,
  CT_TOKENS(CT_TOK_ENUM)
#undef CT_TOK_ENUM
};

// One token. Positions are 1-based lines and 0-based byte columns; end is
// exclusive. [text] views the source (for STRING: prefix and quotes included).
struct Token {
  Tok kind = Tok::ENDMARKER;
  std::string_view text;
  int line = 1;
  int col = 0;
  int end_line = 1;
  int end_col = 0;
  int level = 0;  // open brackets after this token (CPython's token->level)
};

// Name of [kind] for dumps ("NAME", "LPAR", ...).
const char* tok_name(Tok kind);

}  // namespace contrail::front
