#include "sync/api/tableupload.h"

#include "sync/store/xlsxreader.h"

using namespace Qt::StringLiterals;

namespace gx::server::TableUpload {

namespace {

const QByteArray kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The media type of a Content-Type header, lower case, without its parameters. */
QByteArray mediaType(const QHttpServerRequest &request)
{
    const QByteArray value = request.value("Content-Type");
    const qsizetype semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.left(semicolon)).trimmed().toLower();
}

} // namespace

Result<bool, HttpError> dryRun(const QHttpServerRequest &request)
{
    const QString text = request.query().queryItemValue(u"dry_run"_s);
    if (!text.isEmpty() && text != "0"_L1 && text != "1"_L1) {
        return HttpError::badRequest(u"dry_run is 1 (a preview that writes nothing) or 0."_s,
                                     u"dry_run"_s);
    }
    return text == "1"_L1;
}

std::optional<HttpError> refuseUnlessTable(const QHttpServerRequest &request, const QString &what)
{
    const QByteArray type = mediaType(request);
    if (type == "text/csv" || type == kXlsxType || XlsxReader::looksLikeZip(request.body()))
        return std::nullopt;
    return HttpError{
        StatusCode::UnsupportedMediaType,
        ApiError{u"unsupported_media_type"_s,
                 u"Send the %1 as CSV (Content-Type: text/csv) or as an Excel "
                 "workbook (Content-Type: %2). 请上传 CSV 或 Excel（.xlsx）文件。"_s.arg(
                     what, QString::fromLatin1(kXlsxType)),
                 u"Content-Type"_s},
        {}};
}

QJsonObject lineErrorJson(const RegistryLineError &error)
{
    return QJsonObject{{u"line"_s, error.line},
                       {u"field"_s, error.field.isEmpty() ? QJsonValue() : QJsonValue(error.field)},
                       {u"message"_s, error.message}};
}

} // namespace gx::server::TableUpload
