// src/front/lexer.cpp -- Python tokenizer, after CPython 3.11's tok_get().
// Error locations follow CPython: "offset" is the number of code points from
// the start of the line up to the tokenizer's cursor, so the caret lands on
// the character just consumed.
// Depends on lexer.h only.
#include "src/front/lexer.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace contrail::front {

const char* tok_name(Tok kind) {
  static constexpr const char* kNames[] = {
#define CT_TOK_NAME(name, text) #name,
      CT_TOKENS(CT_TOK_NAME)
#undef CT_TOK_NAME
  };
  return kNames[static_cast<int>(kind)];
}

namespace {

bool is_id_start(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128; }
bool is_id_char(int c) { return is_id_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_xdigit(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Decodes the code point at [p] (valid UTF-8 guaranteed); stores its length.
uint32_t decode_utf8(std::string_view s, size_t p, size_t* len) {
  auto b = [&](size_t i) { return static_cast<unsigned char>(p + i < s.size() ? s[p + i] : 0); };
  unsigned char c = b(0);
  if (c < 0x80) { *len = 1; return c; }
  if (c < 0xE0) { *len = 2; return ((c & 0x1Fu) << 6) | (b(1) & 0x3Fu); }
  if (c < 0xF0) { *len = 3; return ((c & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu); }
  *len = 4;
  return ((c & 0x07u) << 18) | ((b(1) & 0x3Fu) << 12) | ((b(2) & 0x3Fu) << 6) | (b(3) & 0x3Fu);
}

// Approximation of "not printable" for non-ASCII code points (Zs, Cc, Cf, Zl, Zp).
bool is_nonprintable(uint32_t cp) {
  return (cp >= 0x80 && cp <= 0xA0) || cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) ||
         (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 ||
         cp == 0xFEFF || cp == 0x1680 || (cp >= 0xFFF0 && cp <= 0xFFFB);
}

// Approximation of XID_Continue for non-ASCII code points: everything except
// well-known punctuation, symbol, private-use and emoji blocks.
bool is_xid_nonascii(uint32_t cp) {
  if (cp == 0xAA || cp == 0xB5 || cp == 0xBA || cp == 0xB7) return true;
  if (cp < 0xC0) return false;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return cp == 0x203F || cp == 0x2040 || cp == 0x2054;
  if (cp >= 0x3000 && cp <= 0x303F) return (cp >= 0x3005 && cp <= 0x3007) || (cp >= 0x3021 && cp <= 0x302F) || (cp >= 0x3031 && cp <= 0x3035) || (cp >= 0x3038 && cp <= 0x303C);
  if (cp >= 0xE000 && cp <= 0xF8FF) return false;
  if (cp >= 0xFE00 && cp <= 0xFE0F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;
  if (cp >= 0xFF1A && cp <= 0xFF20) return false;
  if (cp >= 0xFFF0 && cp <= 0xFFFF) return false;
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;
  return true;
}

std::string hex4(uint32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04X", cp);
  return buf;
}

}  // namespace

Lexer::Lexer(const SourceText& src) : src_(src), text_(src.text()) {}

int Lexer::nextc() {
  if (pos_ >= text_.size()) {
    pos_++;  // so that backup() after EOF is harmless
    return kEof;
  }
  return static_cast<unsigned char>(text_[pos_++]);
}

int Lexer::peekc() const {
  return pos_ < text_.size() ? static_cast<unsigned char>(text_[pos_]) : kEof;
}

int Lexer::line_of(size_t pos) const {
  int lo = 1, hi = src_.line_count();
  while (lo < hi) {
    int mid = (lo + hi + 1) / 2;
    if (src_.line_start(mid) <= pos) lo = mid; else hi = mid - 1;
  }
  return lo;
}

int Lexer::col_of(size_t pos) const {
  return static_cast<int>(std::min(pos, text_.size()) - src_.line_start(line_of(pos)));
}

Token Lexer::make(Tok kind, size_t start, size_t end) const {
  Token t;
  t.kind = kind;
  start = std::min(start, text_.size());
  end = std::min(end, text_.size());
  t.text = text_.substr(start, end - start);
  t.line = line_of(start);
  t.col = col_of(start);
  t.end_line = end > start ? line_of(end - 1) : t.line;
  t.end_col = end > start ? col_of(end - 1) + 1 : t.col;
  t.level = static_cast<int>(parens_.size());
  if (start >= text_.size() && !text_.empty()) {
    // At end of input CPython reports the position of the final newline.
    t.line = t.end_line = src_.line_count();
    t.col = t.end_col = static_cast<int>(text_.size() - 1 - src_.line_start(t.line));
  }
  return t;
}

// CPython's syntaxerror(): the caret sits on the character before [err_pos].
Token Lexer::fail(const char* kind, std::string msg, size_t err_pos) {
  err_pos = std::min(err_pos, text_.size());
  int line = err_pos > 0 ? line_of(err_pos - 1) : 1;
  int col = static_cast<int>(err_pos - src_.line_start(line));
  SyntaxErrorInfo e = src_.error_at(kind, std::move(msg), line, col, line, col);
  e.col -= 1;  // error_at gives the 1-based column of byte [col]; CPython counts up to it
  e.end_col = e.col;
  error_ = std::move(e);
  done_ = true;
  return make(Tok::ERRORTOKEN, start_, pos_);
}

// An error spanning bytes [start, end) (0-based, one line).
Token Lexer::fail_range(const char* kind, std::string msg, size_t start, size_t end) {
  int line = line_of(start);
  int col = col_of(start);
  int end_col = static_cast<int>(std::min(end, text_.size()) - src_.line_start(line));
  error_ = src_.error_at(kind, std::move(msg), line, col, line, end_col);
  done_ = true;
  return make(Tok::ERRORTOKEN, start_, pos_);
}

// -- Indentation ---------------------------------------------------------------

// Measures the indentation at the beginning of a line and queues INDENT/DEDENT
// tokens. Returns false and sets [out] on error.
bool Lexer::indentation(Token* out) {
  int col = 0, altcol = 0, cont_line_col = 0;
  size_t line_begin = pos_;
  int c;
  for (;;) {
    c = nextc();
    if (c == ' ') {
      col++, altcol++;
    } else if (c == '\t') {
      col = (col / kTabSize + 1) * kTabSize;
      altcol = altcol + 1;
    } else if (c == '\f') {
      col = altcol = 0;
    } else if (c == '\\') {
      cont_line_col = cont_line_col ? cont_line_col : col;
      int c2 = nextc();
      if (c2 != '\n') {
        *out = fail("SyntaxError", "unexpected character after line continuation character", pos_);
        return false;
      }
      if (peekc() == kEof) {
        *out = fail("SyntaxError", "unexpected EOF while parsing", pos_);
        return false;
      }
    } else {
      break;
    }
  }
  backup();
  bool blank = c == '#' || c == '\n';
  if (blank || !parens_.empty()) return true;
  if (cont_line_col) col = altcol = cont_line_col;
  if (col == indstack_.back()) {
    if (altcol != altindstack_.back()) goto tab_error;
  } else if (col > indstack_.back()) {
    if (static_cast<int>(indstack_.size()) >= kMaxIndent) {
      int line = line_of(line_begin);
      SyntaxErrorInfo e = src_.error_at("IndentationError", "too many levels of indentation", line,
                                        0, line, 0);
      e.col = e.end_col = 0;  // CPython prints no caret here
      error_ = std::move(e);
      done_ = true;
      *out = make(Tok::ERRORTOKEN, pos_, pos_);
      return false;
    }
    if (altcol <= altindstack_.back()) goto tab_error;
    pending_++;
    indstack_.push_back(col);
    altindstack_.push_back(altcol);
  } else {
    while (indstack_.size() > 1 && col < indstack_.back()) {
      pending_--;
      indstack_.pop_back();
      altindstack_.pop_back();
    }
    if (col != indstack_.back()) {
      int line = line_of(line_begin);
      std::string text = src_.line_text(line);
      SyntaxErrorInfo e = src_.error_at("IndentationError",
                                        "unindent does not match any outer indentation level",
                                        line, 0, line, 0);
      e.col = src_.char_col(line, static_cast<int>(text.size())) + 1;  // cursor past the '\n'
      e.end_col = -1;
      error_ = std::move(e);
      done_ = true;
      *out = make(Tok::ERRORTOKEN, pos_, pos_);
      return false;
    }
    if (altcol != altindstack_.back()) goto tab_error;
  }
  return true;
tab_error : {
  int line = line_of(line_begin);
  SyntaxErrorInfo e = src_.error_at("TabError", "inconsistent use of tabs and spaces in indentation",
                                    line, 0, line, 0);
  e.col = 1;
  e.end_col = 0;
  error_ = std::move(e);
  done_ = true;
  *out = make(Tok::ERRORTOKEN, pos_, pos_);
  return false;
}
}

// -- Main loop -------------------------------------------------------------------

Token Lexer::next() {
  if (done_) return make(error_ || eof_in_brackets_ ? Tok::ERRORTOKEN : Tok::ENDMARKER, text_.size(), text_.size());
  bool blankline = false;
nextline:
  blankline = false;
  if (atbol_) {
    atbol_ = false;
    Token err;
    if (!indentation(&err)) return err;
    int c = peekc();
    blankline = c == '#' || c == '\n';
  }
  start_ = pos_;
  if (pending_ != 0) {
    if (pending_ < 0) {
      pending_++;
      return make(Tok::DEDENT, pos_, pos_);
    }
    pending_--;
    return make(Tok::INDENT, pos_, pos_);
  }
again:
  int c;
  do {
    c = nextc();
  } while (c == ' ' || c == '\t' || c == '\f');
  start_ = pos_ - 1;
  if (c == '#') {
    while (c != kEof && c != '\n') c = nextc();
  }
  if (c == kEof) {
    pos_ = text_.size();
    done_ = true;
    if (!parens_.empty()) {
      eof_in_brackets_ = true;
      return make(Tok::ERRORTOKEN, pos_, pos_);
    }
    return make(Tok::ENDMARKER, pos_, pos_);
  }
  if (is_id_start(c)) {
    backup();
    return lex_name_or_string();
  }
  if (c == '\n') {
    atbol_ = true;
    if (blankline || !parens_.empty()) goto nextline;
    return make(Tok::NEWLINE, start_, pos_);
  }
  if (c == '.') {
    int c2 = nextc();
    if (is_digit(c2)) {
      backup();
      backup();
      return lex_number('.');
    }
    if (c2 == '.' && peekc() == '.') {
      pos_++;
      return make(Tok::ELLIPSIS, start_, pos_);
    }
    backup();
    return make(Tok::DOT, start_, pos_);
  }
  if (is_digit(c)) {
    backup();
    return lex_number(c);
  }
  if (c == '\'' || c == '"') return lex_string(start_, c);
  if (c == '\\') {
    c = nextc();
    if (c != '\n') return fail("SyntaxError", "unexpected character after line continuation character", pos_);
    if (peekc() == kEof) {
      pos_ = text_.size() + 1;
      return fail("SyntaxError", "unexpected EOF while parsing", text_.size());
    }
    goto again;
  }
  return lex_punct(c);
}

Token Lexer::lex_name_or_string() {
  bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
  int c = nextc();
  for (;;) {
    if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) saw_b = true;
    else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) saw_u = true;
    else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) saw_r = true;
    else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) saw_f = true;
    else break;
    c = nextc();
    if (c == '"' || c == '\'') return lex_string(start_, c);
  }
  bool nonascii = false;
  while (is_id_char(c)) {
    nonascii |= c >= 128;
    c = nextc();
  }
  backup();
  Token err;
  if (nonascii && !verify_identifier(start_, pos_, &err)) return err;
  return make(Tok::NAME, start_, pos_);
}

bool Lexer::verify_identifier(size_t start, size_t end, Token* out) {
  for (size_t p = start; p < end;) {
    size_t len = 1;
    uint32_t cp = decode_utf8(text_, p, &len);
    bool ok = cp < 128 ? is_id_char(static_cast<int>(cp)) && !(p == start && is_digit(static_cast<int>(cp)))
                       : is_xid_nonascii(cp);
    if (!ok) {
      pos_ = p + len;
      if (is_nonprintable(cp)) {
        *out = fail("SyntaxError", "invalid non-printable character U+" + hex4(cp), pos_);
      } else {
        std::string ch(text_.substr(p, len));
        *out = fail("SyntaxError", "invalid character '" + ch + "' (U+" + hex4(cp) + ")", pos_);
      }
      return false;
    }
    p += len;
  }
  return true;
}

// -- Numbers ---------------------------------------------------------------------

bool Lexer::decimal_tail(int* c, Token* out) {
  for (;;) {
    do {
      *c = nextc();
    } while (is_digit(*c));
    if (*c != '_') return true;
    *c = nextc();
    if (!is_digit(*c)) {
      backup();
      *out = fail("SyntaxError", "invalid decimal literal", pos_);
      return false;
    }
  }
}

bool Lexer::verify_end_of_number(int c, const char* kind, Token* out) {
  // A keyword right after a number ("1if x else y") is only a warning in 3.11.
  auto ahead = [&](const char* s) {
    size_t p = pos_;
    for (; *s; s++, p++) {
      if (p >= text_.size() || text_[p] != *s) return false;
    }
    return true;
  };
  bool kw = (c == 'a' && ahead("nd")) || (c == 'e' && ahead("lse")) || (c == 'f' && ahead("or")) ||
            (c == 'o' && ahead("r")) || (c == 'n' && ahead("ot")) ||
            (c == 'i' && (ahead("f") || ahead("n") || ahead("s")));
  if (kw) return true;
  if (is_id_char(c)) {
    backup();
    *out = fail("SyntaxError", std::string("invalid ") + kind + " literal", pos_);
    return false;
  }
  return true;
}

Token Lexer::lex_number(int first) {
  Token err;
  int c = nextc();
  auto finish = [&]() {
    backup();
    return make(Tok::NUMBER, start_, pos_);
  };
  auto radix = [&](auto is_ok, const char* kind, bool octal_or_binary) -> Token {
    c = nextc();
    do {
      if (c == '_') c = nextc();
      if (!is_ok(c)) {
        if (octal_or_binary && is_digit(c))
          return fail("SyntaxError", std::string("invalid digit '") + static_cast<char>(c) + "' in " + kind + " literal", pos_);
        backup();
        return fail("SyntaxError", std::string("invalid ") + kind + " literal", pos_);
      }
      do {
        c = nextc();
      } while (is_ok(c));
    } while (c == '_');
    if (octal_or_binary && is_digit(c))
      return fail("SyntaxError", std::string("invalid digit '") + static_cast<char>(c) + "' in " + kind + " literal", pos_);
    if (!verify_end_of_number(c, kind, &err)) return err;
    return finish();
  };
  bool fraction = false, exponent = false, imaginary = false;
  if (first == '.') {
    c = nextc();  // first digit of the fraction
    fraction = true;
  } else if (c == '0') {
    c = nextc();
    if (c == 'x' || c == 'X') return radix(is_xdigit, "hexadecimal", false);
    if (c == 'o' || c == 'O') return radix([](int d) { return d >= '0' && d <= '7'; }, "octal", true);
    if (c == 'b' || c == 'B') return radix([](int d) { return d == '0' || d == '1'; }, "binary", true);
    bool nonzero = false;
    for (;;) {
      if (c == '_') {
        c = nextc();
        if (!is_digit(c)) {
          backup();
          return fail("SyntaxError", "invalid decimal literal", pos_);
        }
      }
      if (c != '0') break;
      c = nextc();
    }
    size_t zeros_end = pos_ - 1;
    if (is_digit(c)) {
      nonzero = true;
      if (!decimal_tail(&c, &err)) return err;
    }
    if (c == '.') {
      c = nextc();
      fraction = true;
    } else if (c == 'e' || c == 'E') {
      exponent = true;
    } else if (c == 'j' || c == 'J') {
      imaginary = true;
    } else if (nonzero) {
      backup();
      return fail_range("SyntaxError",
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                        start_, zeros_end);
    } else {
      if (!verify_end_of_number(c, "decimal", &err)) return err;
      return finish();
    }
  } else {
    backup();
    if (!decimal_tail(&c, &err)) return err;
    if (c == '.') {
      c = nextc();
      fraction = true;
    } else if (c == 'e' || c == 'E') {
      exponent = true;
    } else if (c == 'j' || c == 'J') {
      imaginary = true;
    }
  }
  if (fraction) {
    if (is_digit(c)) {
      backup();
      if (!decimal_tail(&c, &err)) return err;
    }
    if (c == 'e' || c == 'E') exponent = true;
    else if (c == 'j' || c == 'J') imaginary = true;
  }
  if (exponent) {
    int e = c;
    c = nextc();
    if (c == '+' || c == '-') {
      c = nextc();
      if (!is_digit(c)) {
        backup();
        return fail("SyntaxError", "invalid decimal literal", pos_);
      }
    } else if (!is_digit(c)) {
      backup();
      if (!verify_end_of_number(e, "decimal", &err)) return err;
      backup();  // the 'e' is not part of the number
      return make(Tok::NUMBER, start_, pos_);
    }
    backup();
    if (!decimal_tail(&c, &err)) return err;
    if (c == 'j' || c == 'J') imaginary = true;
  }
  if (imaginary) {
    c = nextc();
    if (!verify_end_of_number(c, "imaginary", &err)) return err;
    return finish();
  }
  if (!verify_end_of_number(c, "decimal", &err)) return err;
  return finish();
}

// -- Strings -----------------------------------------------------------------------

Token Lexer::lex_string(size_t start, int quote) {
  int quote_size = 1, end_quote_size = 0;
  int c = nextc();
  if (c == quote) {
    c = nextc();
    if (c == quote) quote_size = 3;
    else end_quote_size = 1;  // empty string
  }
  if (c != quote) backup();
  while (end_quote_size != quote_size) {
    c = nextc();
    if (c == kEof || (quote_size == 1 && c == '\n')) {
      int detected = line_of(c == kEof ? text_.size() - 1 : pos_ - 1);
      std::string msg = quote_size == 3 ? "unterminated triple-quoted string literal (detected at line "
                                        : "unterminated string literal (detected at line ";
      msg += std::to_string(detected) + ")";
      pos_ = start + 1;
      return fail("SyntaxError", msg, pos_);
    }
    if (c == quote) {
      end_quote_size++;
    } else {
      end_quote_size = 0;
      if (c == '\\') nextc();
    }
  }
  return make(Tok::STRING, start, pos_);
}

// -- Operators -----------------------------------------------------------------------

Token Lexer::lex_punct(int c) {
  struct Op3 {
    const char* text;
    Tok kind;
  };
  static constexpr Op3 kOps[] = {
      {"**=", Tok::DOUBLESTAREQUAL}, {"//=", Tok::DOUBLESLASHEQUAL}, {">>=", Tok::RIGHTSHIFTEQUAL},
      {"<<=", Tok::LEFTSHIFTEQUAL}, {"!=", Tok::NOTEQUAL}, {"%=", Tok::PERCENTEQUAL},
      {"&=", Tok::AMPEREQUAL}, {"**", Tok::DOUBLESTAR}, {"*=", Tok::STAREQUAL},
      {"+=", Tok::PLUSEQUAL}, {"-=", Tok::MINEQUAL}, {"->", Tok::RARROW},
      {"//", Tok::DOUBLESLASH}, {"/=", Tok::SLASHEQUAL}, {":=", Tok::COLONEQUAL},
      {"<<", Tok::LEFTSHIFT}, {"<=", Tok::LESSEQUAL}, {"<>", Tok::NOTEQUAL},
      {"==", Tok::EQEQUAL}, {">=", Tok::GREATEREQUAL}, {">>", Tok::RIGHTSHIFT},
      {"@=", Tok::ATEQUAL}, {"^=", Tok::CIRCUMFLEXEQUAL}, {"|=", Tok::VBAREQUAL},
  };
  std::string_view rest = text_.substr(start_);
  for (const Op3& op : kOps) {
    std::string_view t(op.text);
    if (rest.substr(0, t.size()) == t) {
      if (t == "<>") break;  // only valid with barry_as_FLUFL; fall through to '<'
      pos_ = start_ + t.size();
      return make(op.kind, start_, pos_);
    }
  }
  switch (c) {
    case '(':
    case '[':
    case '{':
      if (static_cast<int>(parens_.size()) >= kMaxLevel) return fail("SyntaxError", "too many nested parentheses", pos_);
      parens_.push_back({static_cast<char>(c), line_of(start_), col_of(start_)});
      break;
    case ')':
    case ']':
    case '}': {
      if (parens_.empty()) return fail("SyntaxError", std::string("unmatched '") + static_cast<char>(c) + "'", pos_);
      Paren open = parens_.back();
      parens_.pop_back();
      if (!((open.ch == '(' && c == ')') || (open.ch == '[' && c == ']') || (open.ch == '{' && c == '}'))) {
        std::string msg = std::string("closing parenthesis '") + static_cast<char>(c) +
                          "' does not match opening parenthesis '" + open.ch + "'";
        if (open.line != line_of(start_)) msg += " on line " + std::to_string(open.line);
        return fail("SyntaxError", msg, pos_);
      }
      break;
    }
    default:
      break;
  }
  if (c < 128 && !std::isprint(c)) return fail("SyntaxError", "invalid non-printable character U+" + hex4(static_cast<uint32_t>(c)), pos_);
  Tok kind = Tok::OP;
  switch (c) {
    case '(': kind = Tok::LPAR; break;
    case ')': kind = Tok::RPAR; break;
    case '[': kind = Tok::LSQB; break;
    case ']': kind = Tok::RSQB; break;
    case '{': kind = Tok::LBRACE; break;
    case '}': kind = Tok::RBRACE; break;
    case ':': kind = Tok::COLON; break;
    case ',': kind = Tok::COMMA; break;
    case ';': kind = Tok::SEMI; break;
    case '+': kind = Tok::PLUS; break;
    case '-': kind = Tok::MINUS; break;
    case '*': kind = Tok::STAR; break;
    case '/': kind = Tok::SLASH; break;
    case '|': kind = Tok::VBAR; break;
    case '&': kind = Tok::AMPER; break;
    case '<': kind = Tok::LESS; break;
    case '>': kind = Tok::GREATER; break;
    case '=': kind = Tok::EQUAL; break;
    case '.': kind = Tok::DOT; break;
    case '%': kind = Tok::PERCENT; break;
    case '~': kind = Tok::TILDE; break;
    case '^': kind = Tok::CIRCUMFLEX; break;
    case '@': kind = Tok::AT; break;
    default: break;
  }
  return make(kind, start_, pos_);
}

}  // namespace contrail::front
