// tests/unit/front_lexer_test.cpp -- Tokenizer: token kinds and texts for tricky
// inputs, INDENT/DEDENT, and CPython 3.11's tokenizer error messages and
// positions (checked against python3.11 on the same inputs).
#include <unistd.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/front/front.h"
#include "src/front/lexer.h"

namespace contrail::front {
namespace {

struct Lexed {
  std::vector<Token> toks;
  std::optional<SyntaxErrorInfo> error;
};

// Tokenizes [text] (which must end in '\n', as compile_source guarantees).
std::vector<std::string> lex(const std::string& text, std::optional<SyntaxErrorInfo>* error = nullptr) {
  SourceText src(text, "t.py");
  Lexer lexer(src);
  std::vector<std::string> out;
  for (int i = 0; i < 1000; i++) {
    Token t = lexer.next();
    std::string s = tok_name(t.kind);
    if (t.kind == Tok::NAME || t.kind == Tok::NUMBER || t.kind == Tok::STRING || t.kind == Tok::OP)
      s += ":" + std::string(t.text);
    out.push_back(s);
    if (t.kind == Tok::ENDMARKER || t.kind == Tok::ERRORTOKEN) break;
  }
  if (error) *error = lexer.error();
  return out;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : " ") + s;
  return out;
}

std::string err(const std::string& source) {
  CompileResult r = compile_source(source, "x.py");
  return r.error ? format_syntax_error(*r.error) : "OK";
}

TEST(FrontLexer, SimpleStatement) {
  EXPECT_EQ(join(lex("x = 1 + 2\n")), "NAME:x EQUAL NUMBER:1 PLUS NUMBER:2 NEWLINE ENDMARKER");
}

TEST(FrontLexer, IndentDedent) {
  EXPECT_EQ(join(lex("if x:\n    y\n    if z:\n        w\nv\n")),
            "NAME:if NAME:x COLON NEWLINE INDENT NAME:y NEWLINE NAME:if NAME:z COLON NEWLINE INDENT NAME:w "
            "NEWLINE DEDENT DEDENT NAME:v NEWLINE ENDMARKER");
}

TEST(FrontLexer, BlankLinesAndCommentsAreIgnored) {
  EXPECT_EQ(join(lex("x\n\n   # comment\n\t\ny  # trailing\n")), "NAME:x NEWLINE NAME:y NEWLINE ENDMARKER");
}

TEST(FrontLexer, ImplicitJoiningInsideBrackets) {
  EXPECT_EQ(join(lex("f(1,\n      2\n)\n")), "NAME:f LPAR NUMBER:1 COMMA NUMBER:2 RPAR NEWLINE ENDMARKER");
}

TEST(FrontLexer, BackslashContinuation) {
  EXPECT_EQ(join(lex("x = 1 + \\\n  2\n")), "NAME:x EQUAL NUMBER:1 PLUS NUMBER:2 NEWLINE ENDMARKER");
}

TEST(FrontLexer, NumberForms) {
  EXPECT_EQ(join(lex("0x_fF 0o17 0b1_0 1_000 1.5e-3 .5 5. 0 00 1e10 0.0\n")),
            "NUMBER:0x_fF NUMBER:0o17 NUMBER:0b1_0 NUMBER:1_000 NUMBER:1.5e-3 NUMBER:.5 NUMBER:5. NUMBER:0 "
            "NUMBER:00 NUMBER:1e10 NUMBER:0.0 NEWLINE ENDMARKER");
}

TEST(FrontLexer, NumberFollowedByKeywordIsAllowed) {
  EXPECT_EQ(join(lex("1if x else 2\n")), "NUMBER:1 NAME:if NAME:x NAME:else NUMBER:2 NEWLINE ENDMARKER");
}

TEST(FrontLexer, StringPrefixesAndQuotes) {
  EXPECT_EQ(join(lex("r'a\\'b' F\"x\" rb'' '''a\n'b''' \"\"\n")),
            "STRING:r'a\\'b' STRING:F\"x\" STRING:rb'' STRING:'''a\n'b''' STRING:\"\" NEWLINE ENDMARKER");
}

TEST(FrontLexer, OperatorsLongestMatch) {
  EXPECT_EQ(join(lex("a **= b // c ... -> := != <<= @\n")),
            "NAME:a DOUBLESTAREQUAL NAME:b DOUBLESLASH NAME:c ELLIPSIS RARROW COLONEQUAL NOTEQUAL LEFTSHIFTEQUAL "
            "AT NEWLINE ENDMARKER");
}

TEST(FrontLexer, UnknownPunctuationIsOp) {
  EXPECT_EQ(join(lex("a $ b\n")), "NAME:a OP:$ NAME:b NEWLINE ENDMARKER");
}

TEST(FrontLexer, TabsCountToMultiplesOfEight) {
  // A tab after 4 spaces reaches column 8, same as 8 spaces... but the
  // alternate (tab size 1) columns differ, so CPython calls it inconsistent.
  EXPECT_EQ(err("if x:\n        a\n    \tb\n"),
            "  File \"x.py\", line 3\n    b\nTabError: inconsistent use of tabs and spaces in indentation\n");
  EXPECT_EQ(err("if x:\n\ta\n\tb\n"), "OK");
}

TEST(FrontLexer, IndentationErrors) {
  EXPECT_EQ(err("if x:\n    a\n  b\n"),
            "  File \"x.py\", line 3\n    b\n     ^\n"
            "IndentationError: unindent does not match any outer indentation level\n");
  EXPECT_EQ(err("if x:\n\ta\n        b\n"),
            "  File \"x.py\", line 3\n    b\nTabError: inconsistent use of tabs and spaces in indentation\n");
  EXPECT_EQ(err(" x=1\n"), "  File \"x.py\", line 1\n    x=1\nIndentationError: unexpected indent\n");
  EXPECT_EQ(err("if x:\npass\n"),
            "  File \"x.py\", line 2\n    pass\n    ^\n"
            "IndentationError: expected an indented block after 'if' statement on line 1\n");
  EXPECT_EQ(err("def f():\n  if x:\n  y\n"),
            "  File \"x.py\", line 3\n    y\n    ^\n"
            "IndentationError: expected an indented block after 'if' statement on line 2\n");
  EXPECT_EQ(err("if x:\n"),
            "  File \"x.py\", line 1\n    if x:\n"
            "IndentationError: expected an indented block after 'if' statement on line 1\n");
}

TEST(FrontLexer, IntegerLiteralErrors) {
  EXPECT_EQ(err("x = 012\n"),
            "  File \"x.py\", line 1\n    x = 012\n        ^\nSyntaxError: leading zeros in decimal integer "
            "literals are not permitted; use an 0o prefix for octal integers\n");
  EXPECT_EQ(err("x = 1abc\n"), "  File \"x.py\", line 1\n    x = 1abc\n        ^\nSyntaxError: invalid decimal literal\n");
  EXPECT_EQ(err("x = 1__0\n"), "  File \"x.py\", line 1\n    x = 1__0\n         ^\nSyntaxError: invalid decimal literal\n");
  EXPECT_EQ(err("x = 0x\n"), "  File \"x.py\", line 1\n    x = 0x\n         ^\nSyntaxError: invalid hexadecimal literal\n");
  EXPECT_EQ(err("x = 0o8\n"),
            "  File \"x.py\", line 1\n    x = 0o8\n          ^\nSyntaxError: invalid digit '8' in octal literal\n");
}

TEST(FrontLexer, UnterminatedStrings) {
  EXPECT_EQ(err("s = \"abc\n"),
            "  File \"x.py\", line 1\n    s = \"abc\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n");
  EXPECT_EQ(err("s = \"\"\"abc\n\n"),
            "  File \"x.py\", line 1\n    s = \"\"\"abc\n        ^\n"
            "SyntaxError: unterminated triple-quoted string literal (detected at line 2)\n");
}

TEST(FrontLexer, BracketErrors) {
  EXPECT_EQ(err("x = (1,\n"), "  File \"x.py\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n");
  EXPECT_EQ(err("x = 1)\n"), "  File \"x.py\", line 1\n    x = 1)\n         ^\nSyntaxError: unmatched ')'\n");
  EXPECT_EQ(err("x = (1]\n"),
            "  File \"x.py\", line 1\n    x = (1]\n          ^\n"
            "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('\n");
  EXPECT_EQ(err("x = (1,\n2]\n"),
            "  File \"x.py\", line 2\n    2]\n     ^\n"
            "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1\n");
}

TEST(FrontLexer, BadBytes) {
  EXPECT_EQ(err(std::string("x=1\na\0b\n", 8)),
            "  File \"x.py\", line 2\n    a\nSyntaxError: source code cannot contain null bytes\n");
  // CPython names the script by its absolute path (cwd + "/" + name).
  char cwd[4096];
  ASSERT_NE(::getcwd(cwd, sizeof cwd), nullptr);
  std::string dir = cwd;
  if (dir.back() != '/') dir += '/';
  EXPECT_EQ(err("\xff\n"),
            "SyntaxError: Non-UTF-8 code starting with '\\xff' in file " + dir + "x.py on line 1, but no encoding declared; "
            "see https://peps.python.org/pep-0263/ for details\n");
  EXPECT_EQ(err("x = \xe2\x82\xac\n"),
            "  File \"x.py\", line 1\n    x = \xe2\x82\xac\n        ^\nSyntaxError: invalid character '\xe2\x82\xac' (U+20AC)\n");
}

TEST(FrontLexer, LineContinuationErrors) {
  EXPECT_EQ(err("a\\b\n"),
            "  File \"x.py\", line 1\n    a\\b\n      ^\nSyntaxError: unexpected character after line continuation character\n");
  EXPECT_EQ(err("x = \\"), "  File \"x.py\", line 1\n    x = \\\n         ^\nSyntaxError: unexpected EOF while parsing\n");
}

TEST(FrontLexer, CrLfAndBomAreAccepted) {
  EXPECT_EQ(err("\xEF\xBB\xBFif x:\r\n    y = 1\r\n"), "OK");
}

}  // namespace
}  // namespace contrail::front
