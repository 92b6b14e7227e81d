// src/front/parse_string.cpp -- String literals: prefixes, escape decoding,
// adjacent-literal concatenation and f-strings, after CPython 3.11's
// Parser/string_parser.c. An f-string replacement field's expression is
// re-parsed from its text wrapped in parentheses by a nested Parser (errors
// then show "(a b)" as the source line, exactly as 3.11 does).
// Invariant: string-literal errors are reported at the token after the last
// string, like CPython's RAISE_SYNTAX_ERROR there.
// Depends on parser_impl.h.
#include <cstdio>

#include "src/front/parser_impl.h"

namespace contrail::front {

namespace {

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// CPython's message for a bad escape; positions are byte offsets in the literal.
std::string unicode_error(size_t start, size_t end, const char* what) {
  return "(unicode error) 'unicodeescape' codec can't decode bytes in position " + std::to_string(start) + "-" +
         std::to_string(end) + ": " + what;
}

struct Prefix {
  bool raw = false, bytes = false, fmt = false;
  size_t len = 0;    // prefix characters
  size_t quote = 1;  // 1 or 3
};

Prefix read_prefix(std::string_view t) {
  Prefix p;
  while (p.len < t.size() && t[p.len] != '"' && t[p.len] != '\'') {
    char c = static_cast<char>(t[p.len] | 0x20);
    p.raw |= c == 'r';
    p.bytes |= c == 'b';
    p.fmt |= c == 'f';
    p.len++;
  }
  if (t.size() >= p.len + 6 && t[p.len] == t[p.len + 1] && t[p.len] == t[p.len + 2]) p.quote = 3;
  return p;
}

}  // namespace

// Decodes the escapes of a non-raw literal piece; sets [err] on a bad escape.
static std::string decode_escapes(std::string_view s, std::string* err) {
  std::string out;
  for (size_t i = 0; i < s.size(); i++) {
    char c = s[i];
    if (c != '\\' || i + 1 >= s.size()) {
      out += c;
      continue;
    }
    size_t start = i;
    char e = s[++i];
    switch (e) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t v = static_cast<uint32_t>(e - '0');
        for (int k = 0; k < 2 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7'; k++)
          v = v * 8 + static_cast<uint32_t>(s[++i] - '0');
        append_utf8(out, v);
        break;
      }
      case 'x':
      case 'u':
      case 'U': {
        int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t v = 0;
        int k = 0;
        for (; k < n && i + 1 < s.size() && hex_value(s[i + 1]) >= 0; k++) v = v * 16 + static_cast<uint32_t>(hex_value(s[++i]));
        if (k < n) {
          const char* what = e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
          *err = unicode_error(start, i, what);
          return out;
        }
        if (v > 0x10FFFF) {
          *err = unicode_error(start, i, "illegal Unicode character");
          return out;
        }
        append_utf8(out, v);
        break;
      }
      case 'N': {
        size_t close = s.find('}', i);
        size_t end = close == std::string_view::npos ? s.size() - 1 : close;
        *err = unicode_error(start, end, i + 1 < s.size() && s[i + 1] == '{' ? "unknown Unicode character name" : "malformed \\N character escape");
        return out;
      }
      default:
        out += '\\';
        out += e;
        break;
    }
  }
  return out;
}

// strings: STRING+ -- concatenated; f-strings make a JoinedStr.
Expr* Parser::strings() {
  Token first = cur();
  std::vector<Expr*> parts;
  std::string pending;  // literal text not yet flushed into parts
  bool any_f = false, any_bytes = false, any_str = false;
  Token last = first;
  std::vector<Token> toks;
  while (at(Tok::STRING)) toks.push_back(last = advance());
  cur();  // CPython looks one token past the strings; errors point there
  for (const Token& t : toks) (read_prefix(t.text).bytes ? any_bytes : any_str) = true;
  if (any_bytes && any_str) fail_last_token("cannot mix bytes and nonbytes literals");
  if (any_bytes) fail_last_token("bytes literals are not supported");
  for (const Token& t : toks) {
    Prefix p = read_prefix(t.text);
    std::string_view body = t.text.substr(p.len + p.quote, t.text.size() - p.len - 2 * p.quote);
    int body_line = t.line;
    if (p.fmt) {
      any_f = true;
      fstring(body, p.raw, t, body_line, parts, pending, 0);
    } else if (p.raw) {
      pending += body;
    } else {
      std::string err;
      pending += decode_escapes(body, &err);
      if (!err.empty()) fail_last_token(err);
    }
  }
  Pos pos = span(pos_of(first), pos_of(last));
  if (!any_f) {
    Expr* e = arena_.expr(ExprKind::Constant, pos);
    e->value.v = std::move(pending);
    return e;
  }
  if (!pending.empty()) {
    Expr* c = arena_.expr(ExprKind::Constant, pos);
    c->value.v = std::move(pending);
    parts.push_back(c);
  }
  Expr* j = arena_.expr(ExprKind::JoinedStr, pos);
  j->items = std::move(parts);
  return j;
}

// Parses an f-string [body] (or a format spec when depth > 0) into [parts],
// accumulating literal text in [pending].
void Parser::fstring(std::string_view body, bool raw, const Token& t, int body_line,
                     std::vector<Expr*>& parts, std::string& pending, int depth) {
  size_t i = 0;
  std::string literal;
  auto flush_literal = [&]() {
    if (literal.empty()) return;
    if (raw) {
      pending += literal;
    } else {
      std::string err;
      pending += decode_escapes(literal, &err);
      if (!err.empty()) fail_last_token(err);
    }
    literal.clear();
  };
  while (i < body.size()) {
    char c = body[i];
    if (!raw && c == '\\' && i + 1 < body.size()) {
      if (body[i + 1] == 'N' && i + 2 < body.size() && body[i + 2] == '{') {
        size_t close = body.find('}', i);
        size_t end = close == std::string_view::npos ? body.size() : close + 1;
        literal += body.substr(i, end - i);
        i = end;
        continue;
      }
      literal += body.substr(i, 2);
      i += 2;
      continue;
    }
    if (c == '{' || c == '}') {
      if (depth == 0 && i + 1 < body.size() && body[i + 1] == c) {
        literal += c;
        i += 2;
        continue;
      }
      if (c == '}') {
        if (depth == 0) fail_last_token("f-string: single '}' is not allowed");
        break;  // end of a format spec: the caller consumes the '}'
      }
      flush_literal();
      i++;
      Expr* field = fstring_field(body, i, raw, t, body_line, pending, depth);
      if (!pending.empty()) {
        Expr* lit = arena_.expr(ExprKind::Constant, pos_of(t));
        lit->value.v = std::move(pending);
        pending.clear();
        parts.push_back(lit);
      }
      parts.push_back(field);
      continue;
    }
    literal += c;
    i++;
  }
  flush_literal();
}

// One replacement field; [i] is just past its '{' and is left past its '}'.
Expr* Parser::fstring_field(std::string_view body, size_t& i, bool raw, const Token& t,
                            int body_line, std::string& pending, int depth) {
  if (depth >= 2) fail_last_token("f-string: expressions nested too deeply");
  size_t expr_start = i;
  char quote = 0;
  int quote_len = 0;
  std::vector<char> parens;
  for (; i < body.size(); i++) {
    char ch = body[i];
    if (ch == '\\') fail_last_token("f-string expression part cannot include a backslash");
    if (quote) {
      if (ch == quote) {
        if (quote_len == 3) {
          if (i + 2 < body.size() && body[i + 1] == ch && body[i + 2] == ch) {
            i += 2;
            quote = 0;
          }
        } else {
          quote = 0;
        }
      }
      continue;
    }
    if (ch == '\'' || ch == '"') {
      if (i + 2 < body.size() && body[i + 1] == ch && body[i + 2] == ch) {
        quote_len = 3;
        i += 2;
      } else {
        quote_len = 1;
      }
      quote = ch;
      continue;
    }
    if (ch == '[' || ch == '{' || ch == '(') {
      if (parens.size() >= 200) fail_last_token("f-string: too many nested parenthesis");
      parens.push_back(ch);
      continue;
    }
    if (ch == '#') fail_last_token("f-string expression part cannot include '#'");
    if (parens.empty() && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
      if (i + 1 < body.size() && body[i + 1] == '=' && ch != ':' && ch != '}') {
        i++;
        continue;
      }
      if (ch == '>' || ch == '<') continue;
      break;
    }
    if (ch == ']' || ch == '}' || ch == ')') {
      if (parens.empty()) fail_last_token(std::string("f-string: unmatched '") + ch + "'");
      char open = parens.back();
      parens.pop_back();
      if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') || (open == '{' && ch == '}')))
        fail_last_token(std::string("f-string: closing parenthesis '") + ch +
                        "' does not match opening parenthesis '" + open + "'");
    }
  }
  if (quote) fail_last_token("f-string: unterminated string");
  if (!parens.empty()) fail_last_token(std::string("f-string: unmatched '") + parens.back() + "'");
  if (i >= body.size()) fail_last_token("f-string: expecting '}'");
  std::string_view expr_text = body.substr(expr_start, i - expr_start);
  if (expr_text.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos)
    fail_last_token("f-string: empty expression not allowed");

  // Compile the expression first, so its errors win over conversion/spec errors.
  int line = body_line;
  for (size_t k = 0; k < expr_start; k++) line += body[k] == '\n';
  std::string wrapped(1, '(');
  wrapped.append(expr_text);
  wrapped += ")\n";
  SourceText sub(wrapped, src_.filename());
  Parser inner(sub, arena_, line_shift_ + line - 1);
  inner.in_fstring_ = true;
  inner.depth_ = depth_;
  Expr* value = inner.parse_fstring_expr();

  Expr* fv = arena_.expr(ExprKind::FormattedValue, pos_of(t));
  fv->a = value;
  bool self_doc = false;
  if (body[i] == '=') {
    i++;
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r' ||
                               body[i] == '\f' || body[i] == '\v'))
      i++;
    if (i >= body.size()) fail_last_token("f-string: expecting '}'");
    pending += body.substr(expr_start, i - expr_start);
    self_doc = true;
  }
  if (body[i] == '!') {
    i++;
    if (i >= body.size()) fail_last_token("f-string: expecting '}'");
    char conv = body[i++];
    if (conv != 's' && conv != 'r' && conv != 'a')
      fail_last_token("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    fv->conversion = conv;
  }
  if (i < body.size() && body[i] == ':') {
    i++;
    if (i >= body.size()) fail_last_token("f-string: expecting '}'");
    // The spec runs to the matching '}' at this level.
    size_t spec_start = i;
    int nest = 0;
    for (; i < body.size(); i++) {
      if (body[i] == '{') nest++;
      else if (body[i] == '}') {
        if (nest == 0) break;
        nest--;
      }
    }
    std::vector<Expr*> spec_parts;
    std::string spec_pending;
    fstring(body.substr(spec_start, i - spec_start), raw, t, body_line, spec_parts, spec_pending, depth + 1);
    if (!spec_pending.empty()) {
      Expr* lit = arena_.expr(ExprKind::Constant, pos_of(t));
      lit->value.v = std::move(spec_pending);
      spec_parts.push_back(lit);
    }
    Expr* spec = arena_.expr(ExprKind::JoinedStr, pos_of(t));
    spec->items = std::move(spec_parts);
    fv->b = spec;
  }
  if (i >= body.size() || body[i] != '}') fail_last_token("f-string: expecting '}'");
  i++;
  if (self_doc && !fv->b && fv->conversion == -1) fv->conversion = 'r';
  return fv;
}

// Parses "(expr)\n" produced by fstring_field.
Expr* Parser::parse_fstring_expr() {
  try {
    Expr* e = paren_atom();
    if (!at(Tok::NEWLINE)) fail_generic();
    if (e->kind == ExprKind::Tuple) e->parenthesized = false;
    return e;
  } catch (const CompileError& e) {
    throw CompileError{prefer_tokenizer_error(e.info)};
  }
}

}  // namespace contrail::front
