// Fuzz target over the HTTP request reader of gengxin-server (sync/http/httprequestreader.h):
// the bytes a client sends on one connection, framed into requests before QHttpServer reads
// them. Built twice (tests/fuzz/CMakeLists.txt): with libFuzzer and sanitizers (fuzz_http), and
// with a replay main over the seed corpus (fuzz_http_replay, a unit test). Besides "no crash, no
// leak, no UB" it checks, aborting with the property's name when one fails:
//
// - chunking does not matter: the stream fed in pieces (cut where the input's first bytes say)
//   gives the same requests, the same refusal and the same offset as fed at once;
// - what is framed is well formed: ends follow each other, a body has its Content-Length, the
//   limits hold (fields, body, target), the target is a visible-ASCII path;
// - no desync: every stream the reader accepts is framed into the same requests (boundaries and
//   body lengths) by a model of QHttpServer 6.4's own reader (request line to LF, headers to an
//   empty line, the first Content-Length if its header parser takes the head, else no body);
// - a log line of what was sent holds printable ASCII only.

#include "sync/http/httprequestreader.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

using gx::server::FramedRequest;
using gx::server::HttpLimits;
using gx::server::HttpRequestReader;
using gx::server::RequestHead;

namespace {

[[noreturn]] void die(const char *property)
{
    std::fprintf(stderr, "fuzz_http: property failed: %s\n", property);
    std::fflush(stderr);
    std::abort();
}

bool verbose()
{
    static const bool on = qEnvironmentVariableIntValue("GX_FUZZ_VERBOSE") != 0;
    return on;
}

HttpLimits limits()
{
    HttpLimits l;
    l.maxBodyBytes = 4096;
    l.maxHeadBytes = 8192;
    l.maxTargetBytes = 512;
    return l;
}

/** A per-call limit as the frontend gives: larger for one path. */
qint64 bodyLimit(const RequestHead &head)
{
    return head.path == QLatin1String("/big") ? qint64(1) << 40 : limits().maxBodyBytes;
}

struct Outcome
{
    QList<FramedRequest> framed;
    std::optional<int> refusedWith;
    qint64 offset = 0;
};

Outcome read(QByteArrayView stream, QByteArrayView cuts)
{
    HttpRequestReader reader(limits(), bodyLimit);
    Outcome out;
    qsizetype at = 0;
    for (qsizetype i = 0; at < stream.size(); ++i) {
        const qsizetype piece =
            cuts.isEmpty() ? stream.size() : 1 + static_cast<unsigned char>(cuts[i % cuts.size()]);
        const QByteArrayView part = stream.sliced(at, std::min(piece, stream.size() - at));
        at += part.size();
        if (!reader.feed(part))
            break;
    }
    out.framed = reader.framed();
    if (reader.refusal())
        out.refusedWith = reader.refusal()->status;
    out.offset = reader.offset();
    return out;
}

bool same(const Outcome &a, const Outcome &b)
{
    if (a.refusedWith != b.refusedWith || a.offset != b.offset ||
        a.framed.size() != b.framed.size())
        return false;
    for (qsizetype i = 0; i < a.framed.size(); ++i) {
        const FramedRequest &x = a.framed[i];
        const FramedRequest &y = b.framed[i];
        if (x.headEnd != y.headEnd || x.end != y.end || x.head.method != y.head.method ||
            x.head.target != y.head.target || x.head.path != y.head.path ||
            x.head.minorVersion != y.head.minorVersion ||
            x.head.contentLength != y.head.contentLength ||
            x.head.closeAfter != y.head.closeAfter || x.head.fieldCount != y.head.fieldCount)
            return false;
    }
    return true;
}

// ---- A model of how QHttpServer 6.4 frames a stream (QHttpServerRequestPrivate::parse and
// ---- QHttpHeaderParser::parseHeaders), enough to say where each request ends.

bool qtFieldNameChar(char c)
{
    static constexpr QByteArrayView others("!#$%&'*+-.^_`|~");
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           others.contains(c);
}

/** The Content-Length QHttpServer reads from a head's header block, or -1 (none, or the parser
 * gave up: then it has no headers at all). */
qint64 qtContentLength(QByteArrayView header)
{
    const auto spaceStart = [](QByteArrayView h) {
        return h.startsWith(' ') || h.startsWith('\t');
    };
    if (spaceStart(header) || (!header.empty() && !header.endsWith('\n')))
        return -1;
    while (int tail = header.endsWith("\n\r\n") ? 2 : header.endsWith("\n\n") ? 1 : 0)
        header.chop(tail);
    if (header.size() - (header.endsWith("\r\n") ? 2 : 1) > 256 * 1024)
        return -1;
    QList<QPair<QByteArray, QByteArray>> fields;
    while (!header.empty()) {
        const qsizetype colon = header.indexOf(':');
        if (colon == -1)
            break; // empty header block, or the parser gives up: no fields either way
        if (fields.size() >= 100)
            return -1;
        const QByteArrayView name = header.first(colon);
        if (name.isEmpty() || !std::all_of(name.begin(), name.end(), qtFieldNameChar))
            return -1;
        header = header.sliced(colon + 1);
        QByteArray value;
        qsizetype space = 100 * 1024 - name.size() - 1;
        do {
            const qsizetype endLine = header.indexOf('\n');
            if (endLine < 0)
                return -1;
            QByteArrayView line = header.first(endLine);
            space -= line.size() - (line.endsWith('\r') ? 1 : 0);
            if (space < 0)
                return -1;
            line = line.trimmed();
            if (!line.empty())
                value += value.isEmpty() ? line.toByteArray() : ' ' + line.toByteArray();
            header = header.sliced(endLine + 1);
        } while (spaceStart(header));
        fields.append({name.toByteArray().toLower(), value});
    }
    for (const auto &[name, value] : fields) {
        if (name == "content-length") {
            bool ok = false;
            const qint64 length = qint64(value.toULongLong(&ok));
            return ok ? length : -1;
        }
    }
    return -1;
}

/** The end offsets of the requests QHttpServer reads whole from stream (it stops at the first
 * it cannot read whole). */
QList<qint64> qtRequestEnds(QByteArrayView stream)
{
    QList<qint64> ends;
    qsizetype at = 0;
    while (at < stream.size()) {
        while (at < stream.size() && QByteArrayView("\v\n\r \t").contains(stream[at]))
            ++at;
        const qsizetype lineEnd = stream.indexOf('\n', at);
        if (lineEnd < 0)
            break;
        qsizetype headerEnd = -1;
        for (qsizetype i = lineEnd + 1; i < stream.size(); ++i) {
            if (stream[i] != '\n')
                continue;
            const QByteArrayView fragment = stream.sliced(lineEnd + 1, i + 1 - (lineEnd + 1));
            if (fragment.endsWith("\n\r\n") || fragment.endsWith("\n\n") || fragment == "\r\n" ||
                fragment == "\n") {
                headerEnd = i + 1;
                break;
            }
        }
        if (headerEnd < 0)
            break;
        const qint64 length =
            qtContentLength(stream.sliced(lineEnd + 1, headerEnd - (lineEnd + 1)));
        const qint64 end = headerEnd + std::max<qint64>(0, length);
        if (end > stream.size())
            break;
        ends.append(end);
        at = qsizetype(end);
    }
    return ends;
}

void checkFramed(const Outcome &out, qsizetype size)
{
    qint64 previous = 0;
    for (const FramedRequest &r : out.framed) {
        if (r.headEnd <= previous || r.end < r.headEnd || r.end - r.headEnd != r.head.contentLength)
            die("framed requests follow each other, each with its Content-Length of body");
        if (r.head.fieldCount > limits().maxHeaderFields)
            die("no request has more header fields than the limit");
        if (r.head.contentLength > bodyLimit(r.head))
            die("no body exceeds its limit");
        if (r.head.target.isEmpty() || r.head.target.front() != '/' ||
            r.head.target.size() > limits().maxTargetBytes)
            die("a target is a path within the limit");
        for (char c : r.head.target) {
            if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f)
                die("a target is visible ASCII");
        }
        if (r.head.minorVersion == 0 && !r.head.closeAfter)
            die("an HTTP/1.0 request closes after its answer");
        previous = r.headEnd;
    }
    if (!out.refusedWith && out.offset != size)
        die("a stream not refused is read to its end");
    if (out.offset > size)
        die("the reader reads no more than it was given");
}

void checkAgainstQt(const Outcome &out, QByteArrayView stream)
{
    // Only what the reader let through whole matters: QHttpServer never sees the rest.
    const qint64 accepted = out.refusedWith ? 0 : out.offset;
    QList<qint64> mine;
    for (const FramedRequest &r : out.framed) {
        if (r.end <= accepted)
            mine.append(r.end);
    }
    if (out.refusedWith)
        return;
    const QList<qint64> qt = qtRequestEnds(stream);
    if (qt != mine)
        die("QHttpServer frames an accepted stream into the same requests");
}

void checkLogText(QByteArrayView bytes)
{
    const QByteArray text = HttpRequestReader::escapedForLog(bytes);
    for (char c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f)
            die("log text is printable ASCII");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // The first 4 bytes (when there are more) say where to cut the stream; the rest is the stream.
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QByteArrayView cuts = input.size() > 4 ? input.first(4) : QByteArrayView();
    const QByteArrayView stream = input.size() > 4 ? input.sliced(4) : input;

    const Outcome whole = read(stream, {});
    const Outcome pieces = read(stream, cuts.isEmpty() ? QByteArrayView("\0", 1) : cuts);
    if (!same(whole, pieces))
        die("feeding in pieces gives what feeding at once gives");
    checkFramed(whole, stream.size());
    checkAgainstQt(whole, stream);
    checkLogText(stream);
    for (const FramedRequest &r : whole.framed) {
        checkLogText(r.head.method);
        checkLogText(r.head.target);
    }
    if (verbose()) {
        const QByteArray outcome =
            whole.refusedWith ? QByteArray("refused " + QByteArray::number(*whole.refusedWith))
                              : QByteArray("accepted");
        std::printf("  %lld request(s), %s at byte %lld\n",
                    static_cast<long long>(whole.framed.size()), outcome.constData(),
                    static_cast<long long>(whole.offset));
    }
    return 0;
}
