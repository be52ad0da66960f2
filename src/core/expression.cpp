#include "core/expression.h"

#include <QJsonArray>
#include <QList>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace gx {

/** One node of the parsed tree; immutable once parsing is done. */
struct Expression::Node
{
    enum class Op
    {
        Eq,
        Ne,
        Lt,
        Le,
        Gt,
        Ge
    };
    enum class Kind
    {
        Literal,
        Field,
        Not,
        And,
        Or,
        Compare,
        In
    };
    Kind kind = Kind::Literal;
    QJsonValue literal;                                ///< Literal
    QString name;                                      ///< Field; In: the list-valued field, if any
    Op op = Op::Eq;                                    ///< Compare
    bool negated = false;                              ///< In: `not in`
    QJsonArray set;                                    ///< In: the literal set, when name is empty
    std::vector<std::shared_ptr<const Node>> operands; ///< Not, And, Or: 1..n; Compare: 2; In: 1
};

namespace {

using CompareOp = Expression::Node::Op;

constexpr int kMaxSourceLength = 2000;
constexpr int kMaxDepth = 32;

enum class Tok
{
    End,
    Number,
    String,
    Word,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Op
};

struct Token
{
    Tok kind = Tok::End;
    int pos = 0;
    QString text;     ///< as written (for messages); the operator for Tok::Op
    QJsonValue value; ///< the literal of a number or string
    CompareOp op = CompareOp::Eq;
};

bool isKeyword(const QString &word)
{
    return word == "and"_L1 || word == "or"_L1 || word == "not"_L1 || word == "in"_L1 ||
           word == "true"_L1 || word == "false"_L1 || word == "null"_L1;
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}
bool isWordChar(QChar c)
{
    return isDigit(c) || c == u'_' || (c.isLetter() && c.unicode() < 128);
}

/** Splits the source into tokens, or says where the first character that fits none is. */
class Tokenizer
{
public:
    explicit Tokenizer(const QString &source)
        : m_s(source)
    {}

    std::optional<ExpressionError> run(QList<Token> &out)
    {
        const int n = int(m_s.size());
        int i = 0;
        while (i < n) {
            const QChar c = m_s.at(i);
            if (c.isSpace()) {
                ++i;
                continue;
            }
            Token t;
            t.pos = i;
            if (isDigit(c) || (c == u'-' && i + 1 < n && isDigit(m_s.at(i + 1)))) {
                if (auto error = number(i, t))
                    return error;
            } else if (c == u'-') {
                return ExpressionError{i, u"'-' is allowed only directly before a number"_s};
            } else if (isWordChar(c)) {
                while (i < n && isWordChar(m_s.at(i)))
                    ++i;
                t.kind = Tok::Word;
                t.text = m_s.mid(t.pos, i - t.pos);
                if (t.text != t.text.toLower())
                    return ExpressionError{t.pos, u"unknown token '%1' (keywords and field names "
                                                  u"are lower case)"_s.arg(t.text)};
            } else if (c == u'\'' || c == u'"') {
                const auto close = m_s.indexOf(c, i + 1);
                if (close < 0)
                    return ExpressionError{i, u"unterminated string"_s};
                t.kind = Tok::String;
                t.value = m_s.mid(i + 1, close - i - 1);
                t.text = m_s.mid(i, close - i + 1);
                i = int(close) + 1;
            } else if (auto error = punctuation(i, t)) {
                return error;
            }
            out.append(t);
        }
        Token end;
        end.pos = n;
        out.append(end);
        return std::nullopt;
    }

private:
    std::optional<ExpressionError> number(int &i, Token &t)
    {
        const int n = int(m_s.size());
        const int start = i;
        if (m_s.at(i) == u'-')
            ++i;
        while (i < n && isDigit(m_s.at(i)))
            ++i;
        bool decimal = false;
        if (i < n && m_s.at(i) == u'.') {
            decimal = true;
            ++i;
            if (i >= n || !isDigit(m_s.at(i)))
                return ExpressionError{i, u"expected a digit after '.'"_s};
            while (i < n && isDigit(m_s.at(i)))
                ++i;
        }
        t.kind = Tok::Number;
        t.text = m_s.mid(start, i - start);
        bool ok = false;
        if (decimal) {
            const double d = t.text.toDouble(&ok);
            ok = ok && std::isfinite(d);
            t.value = d;
        } else {
            t.value = t.text.toLongLong(&ok);
        }
        if (!ok)
            return ExpressionError{start, u"number '%1' is too large"_s.arg(t.text)};
        return std::nullopt;
    }

    std::optional<ExpressionError> punctuation(int &i, Token &t)
    {
        const QChar c = m_s.at(i);
        const QChar next = i + 1 < m_s.size() ? m_s.at(i + 1) : QChar();
        auto simple = [&](Tok kind) {
            t.kind = kind;
            t.text = c;
            ++i;
            return std::nullopt;
        };
        auto op = [&](CompareOp o, int length) {
            t.kind = Tok::Op;
            t.op = o;
            t.text = m_s.mid(i, length);
            i += length;
            return std::nullopt;
        };
        switch (c.unicode()) {
        case u'(':
            return simple(Tok::LParen);
        case u')':
            return simple(Tok::RParen);
        case u'[':
            return simple(Tok::LBracket);
        case u']':
            return simple(Tok::RBracket);
        case u',':
            return simple(Tok::Comma);
        case u'=':
            if (next == u'=')
                return op(CompareOp::Eq, 2);
            return ExpressionError{i, u"unknown token '=' (use '==')"_s};
        case u'!':
            if (next == u'=')
                return op(CompareOp::Ne, 2);
            return ExpressionError{i, u"unknown token '!' (use 'not')"_s};
        case u'<':
            return next == u'=' ? op(CompareOp::Le, 2) : op(CompareOp::Lt, 1);
        case u'>':
            return next == u'=' ? op(CompareOp::Ge, 2) : op(CompareOp::Gt, 1);
        case u'&':
        case u'|': {
            int end = i;
            while (end < m_s.size() && m_s.at(end) == c)
                ++end;
            return ExpressionError{i, u"unknown token '%1' (use '%2')"_s.arg(
                                          m_s.mid(i, end - i), c == u'&' ? u"and"_s : u"or"_s)};
        }
        default:
            return ExpressionError{i, u"unknown token '%1'"_s.arg(c)};
        }
    }

    const QString &m_s;
};

} // namespace

namespace {

using Node = Expression::Node;
using NodePtr = std::shared_ptr<Node>;

/** Recursive descent over the grammar of expression.h; the first error stops it. */
class Parser
{
public:
    explicit Parser(QList<Token> tokens)
        : m_tokens(std::move(tokens))
    {}

    NodePtr parse()
    {
        NodePtr root = parseOr(0);
        if (root && peek().kind != Tok::End)
            return fail(u"unexpected %1: expected 'and', 'or' or the end of the expression"_s.arg(
                describe(peek())));
        return root;
    }

    const std::optional<ExpressionError> &error() const { return m_error; }
    const QStringList &fields() const { return m_fields; }

private:
    const Token &peek() const { return m_tokens.at(m_index); }
    const Token &advance() { return m_tokens.at(m_index++); }
    bool atWord(QLatin1StringView word) const
    {
        return peek().kind == Tok::Word && peek().text == word;
    }

    static QString describe(const Token &t)
    {
        return t.kind == Tok::End ? u"end of expression"_s : u"'%1'"_s.arg(t.text);
    }

    bool failed(const QString &reason)
    {
        if (!m_error)
            m_error = ExpressionError{peek().pos, reason};
        return false;
    }
    NodePtr fail(const QString &reason)
    {
        failed(reason);
        return nullptr;
    }

    static NodePtr make(Node::Kind kind)
    {
        auto node = std::make_shared<Node>();
        node->kind = kind;
        return node;
    }

    NodePtr parseList(Node::Kind kind, QLatin1StringView keyword, int depth)
    {
        NodePtr first = kind == Node::Kind::Or ? parseAnd(depth) : parseUnary(depth);
        if (!first || !atWord(keyword))
            return first;
        NodePtr node = make(kind);
        node->operands.push_back(first);
        while (atWord(keyword)) {
            advance();
            NodePtr next = kind == Node::Kind::Or ? parseAnd(depth) : parseUnary(depth);
            if (!next)
                return nullptr;
            node->operands.push_back(next);
        }
        return node;
    }

    NodePtr parseOr(int depth) { return parseList(Node::Kind::Or, "or"_L1, depth); }
    NodePtr parseAnd(int depth) { return parseList(Node::Kind::And, "and"_L1, depth); }

    NodePtr parseUnary(int depth)
    {
        if (!atWord("not"_L1))
            return parseCompare(depth);
        if (depth + 1 > kMaxDepth)
            return fail(u"nested deeper than %1 levels"_s.arg(kMaxDepth));
        advance();
        NodePtr operand = parseUnary(depth + 1);
        if (!operand)
            return nullptr;
        NodePtr node = make(Node::Kind::Not);
        node->operands.push_back(operand);
        return node;
    }

    NodePtr parseCompare(int depth)
    {
        NodePtr left = parseOperand(depth);
        if (!left)
            return nullptr;
        if (peek().kind == Tok::Op) {
            NodePtr node = make(Node::Kind::Compare);
            node->op = advance().op;
            NodePtr right = parseOperand(depth);
            if (!right)
                return nullptr;
            node->operands = {left, right};
            return node;
        }
        const bool negated = atWord("not"_L1);
        if (negated) {
            advance();
            if (!atWord("in"_L1))
                return fail(u"expected 'in' after 'not', found %1"_s.arg(describe(peek())));
        }
        if (!atWord("in"_L1))
            return left;
        advance();
        NodePtr node = make(Node::Kind::In);
        node->negated = negated;
        node->operands.push_back(left);
        return parseSet(*node) ? node : nullptr;
    }

    NodePtr parseOperand(int depth)
    {
        const Token &t = peek();
        switch (t.kind) {
        case Tok::Number:
        case Tok::String: {
            NodePtr node = make(Node::Kind::Literal);
            node->literal = advance().value;
            return node;
        }
        case Tok::Word: {
            if (auto value = keywordLiteral(t)) {
                advance();
                NodePtr node = make(Node::Kind::Literal);
                node->literal = *value;
                return node;
            }
            if (isKeyword(t.text))
                return fail(u"expected a value, found %1"_s.arg(describe(t)));
            NodePtr node = make(Node::Kind::Field);
            node->name = advance().text;
            mention(node->name);
            return node;
        }
        case Tok::LParen: {
            if (depth + 1 > kMaxDepth)
                return fail(u"nested deeper than %1 levels"_s.arg(kMaxDepth));
            advance();
            NodePtr inner = parseOr(depth + 1);
            if (!inner)
                return nullptr;
            if (peek().kind != Tok::RParen)
                return fail(u"expected ')', found %1"_s.arg(describe(peek())));
            advance();
            return inner;
        }
        default:
            return fail(u"expected a value, found %1"_s.arg(describe(t)));
        }
    }

    bool parseSet(Node &node)
    {
        if (peek().kind == Tok::Word && !isKeyword(peek().text)) {
            node.name = advance().text;
            mention(node.name);
            return true;
        }
        if (peek().kind != Tok::LBracket)
            return failed(u"expected '[' or a field after 'in', found %1"_s.arg(describe(peek())));
        advance();
        if (peek().kind == Tok::RBracket) {
            advance();
            return true;
        }
        for (;;) {
            const Token &t = peek();
            if (t.kind == Tok::Number || t.kind == Tok::String)
                node.set.append(t.value);
            else if (auto value = keywordLiteral(t))
                node.set.append(*value);
            else if (t.kind == Tok::Word && !isKeyword(t.text))
                return failed(u"a set lists literals only, found the field '%1'"_s.arg(t.text));
            else
                return failed(u"expected a literal in the set, found %1"_s.arg(describe(t)));
            advance();
            if (peek().kind == Tok::RBracket) {
                advance();
                return true;
            }
            if (peek().kind != Tok::Comma)
                return failed(u"expected ']' or ',', found %1"_s.arg(describe(peek())));
            advance();
        }
    }

    static std::optional<QJsonValue> keywordLiteral(const Token &t)
    {
        if (t.kind != Tok::Word)
            return std::nullopt;
        if (t.text == "true"_L1)
            return QJsonValue(true);
        if (t.text == "false"_L1)
            return QJsonValue(false);
        if (t.text == "null"_L1)
            return QJsonValue(QJsonValue::Null);
        return std::nullopt;
    }

    void mention(const QString &field)
    {
        if (!m_fields.contains(field))
            m_fields.append(field);
    }

    QList<Token> m_tokens;
    qsizetype m_index = 0;
    std::optional<ExpressionError> m_error;
    QStringList m_fields;
};

QJsonValue normalized(const QJsonValue &v)
{
    return v.isUndefined() ? QJsonValue() : v;
}

bool same(const QJsonValue &a, const QJsonValue &b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case QJsonValue::Double:
        return a.toDouble() == b.toDouble();
    case QJsonValue::Array: {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!same(normalized(x.at(i)), normalized(y.at(i))))
                return false;
        }
        return true;
    }
    default:
        return a == b;
    }
}

/** <0, 0, >0, or nothing when the two are not both numbers or both strings. */
std::optional<int> order(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble()) {
        const double x = a.toDouble(), y = b.toDouble();
        return x < y ? -1 : (y < x ? 1 : 0);
    }
    if (a.isString() && b.isString()) {
        // By code point: UTF-16 code units would put U+10000.. before U+E000..U+FFFF.
        const QList<uint> x = a.toString().toUcs4(), y = b.toString().toUcs4();
        if (std::lexicographical_compare(x.begin(), x.end(), y.begin(), y.end()))
            return -1;
        return x == y ? 0 : 1;
    }
    return std::nullopt;
}

bool compare(CompareOp op, const QJsonValue &a, const QJsonValue &b)
{
    if (op == CompareOp::Eq)
        return same(a, b);
    if (op == CompareOp::Ne)
        return !same(a, b);
    const std::optional<int> o = order(a, b);
    if (!o)
        return false;
    switch (op) {
    case CompareOp::Lt:
        return *o < 0;
    case CompareOp::Le:
        return *o <= 0;
    case CompareOp::Gt:
        return *o > 0;
    default:
        return *o >= 0;
    }
}

bool contains(const QJsonArray &set, const QJsonValue &v)
{
    return std::any_of(set.begin(), set.end(),
                       [&](const QJsonValue &e) { return same(normalized(e), v); });
}

QJsonValue eval(const Node &node, const QJsonObject &record)
{
    switch (node.kind) {
    case Node::Kind::Literal:
        return node.literal;
    case Node::Kind::Field:
        return normalized(record.value(node.name));
    case Node::Kind::Not:
        return !eval(*node.operands.front(), record).toBool(false);
    case Node::Kind::And:
        return std::all_of(node.operands.begin(), node.operands.end(),
                           [&](const auto &n) { return eval(*n, record).toBool(false); });
    case Node::Kind::Or:
        return std::any_of(node.operands.begin(), node.operands.end(),
                           [&](const auto &n) { return eval(*n, record).toBool(false); });
    case Node::Kind::Compare:
        return compare(node.op, eval(*node.operands[0], record), eval(*node.operands[1], record));
    case Node::Kind::In: {
        QJsonArray set = node.set;
        if (!node.name.isEmpty()) {
            // A list-valued field; a single value stands for a set of one, null for none.
            const QJsonValue v = normalized(record.value(node.name));
            set = v.isArray() ? v.toArray() : (v.isNull() ? QJsonArray() : QJsonArray{v});
        }
        const QJsonValue left = eval(*node.operands.front(), record);
        bool found = false;
        if (left.isArray()) {
            const QJsonArray items = left.toArray();
            found = std::any_of(items.begin(), items.end(), [&](const QJsonValue &item) {
                return contains(set, normalized(item));
            });
        } else {
            found = contains(set, left);
        }
        return found != node.negated;
    }
    }
    return false;
}

} // namespace

Expression::Expression() = default;

Result<Expression, ExpressionError> Expression::parse(const QString &source)
{
    if (source.size() > kMaxSourceLength)
        return ExpressionError{kMaxSourceLength,
                               u"expression longer than %1 characters"_s.arg(kMaxSourceLength)};
    Expression expression;
    expression.m_source = source;
    if (source.trimmed().isEmpty())
        return expression;
    QList<Token> tokens;
    if (auto error = Tokenizer(source).run(tokens))
        return *error;
    Parser parser(std::move(tokens));
    NodePtr root = parser.parse();
    if (!root)
        return *parser.error();
    expression.m_root = std::move(root);
    expression.m_fields = parser.fields();
    return expression;
}

bool Expression::evaluate(const QJsonObject &record) const
{
    if (!m_root)
        return true;
    const QJsonValue result = eval(*m_root, record);
    return result.isBool() && result.toBool();
}

} // namespace gx
