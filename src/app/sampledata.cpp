#include "app/sampledata.h"

#include "app/qrcodeitem.h"
#include "core/uscc.h"
#include "store/devicestore.h"

#include <QFile>
#include <QImage>
#include <QJsonObject>
#include <QLinearGradient>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace gx {

Status<QString> SampleData::seed(DeviceStore &store, const QString &region, int period)
{
    const QStringList names = {u"丽水精密阀门有限公司"_s, u"莲都泵业股份有限公司"_s,
                               u"浙江瓯江电机有限公司"_s};
    QStringList usccs;
    for (int i = 0; i < names.size(); ++i) {
        const QString uscc =
            makeUscc(u'9', u'1', region.left(6), u"7%1"_s.arg(i + 1, 7, 10, QLatin1Char('0')));
        auto created = store.createRecord(u"enterprise"_s,
                                          QJsonObject{{u"uscc"_s, uscc},
                                                      {u"name"_s, names.at(i)},
                                                      {u"region"_s, region},
                                                      {u"industry_code"_s, u"3443"_s},
                                                      {u"above_size"_s, true}},
                                          uscc);
        if (!created)
            return created.error().message;
        usccs.append(uscc);
    }
    auto survey = store.createRecord(u"survey"_s, QJsonObject{{u"enterprise"_s, usccs.first()},
                                                              {u"period"_s, period},
                                                              {u"state"_s, u"draft"_s},
                                                              {u"digital_level"_s, 2},
                                                              {u"design_tools"_s, true},
                                                              {u"key_processes"_s, 4},
                                                              {u"key_processes_cnc"_s, 3}});
    if (!survey)
        return survey.error().message;
    const QString surveyId = survey.value().id;
    const QList<QJsonObject> rows = {
        {{u"survey"_s, surveyId},
         {u"category"_s, u"machine_tool"_s},
         {u"name"_s, u"数控车床"_s},
         {u"quantity"_s, 4},
         {u"commissioned_year"_s, 2012},
         {u"is_cnc"_s, true},
         {u"status"_s, u"in_service"_s}},
        {{u"survey"_s, surveyId},
         {u"category"_s, u"motor"_s},
         {u"name"_s, u"三相异步电动机"_s},
         {u"quantity"_s, 12},
         {u"key_energy"_s, true},
         {u"efficiency_level"_s, u"access"_s},
         {u"status"_s, u"planned_renewal"_s}},
    };
    if (auto created = store.createRecords(u"equipment"_s, rows); !created)
        return created.error().message;
    auto submitted = store.createRecord(u"survey"_s, QJsonObject{{u"enterprise"_s, usccs.at(1)},
                                                                 {u"period"_s, period},
                                                                 {u"state"_s, u"submitted"_s},
                                                                 {u"digital_level"_s, 1}});
    if (!submitted)
        return submitted.error().message;
    return Done{};
}

namespace {

QString registryLine(const QJsonObject &fields)
{
    return QStringList{fields.value("uscc"_L1).toString(), fields.value("name"_L1).toString(),
                       fields.value("region"_L1).toString(),
                       fields.value("industry_code"_L1).toString(),
                       fields.value("above_size"_L1).toBool() ? u"是"_s : u"否"_s}
        .join(u',');
}

Status<QString> writeCsv(const QString &path, const QStringList &lines)
{
    QFile file(path);
    const QByteArray bytes =
        (u"uscc,name,region,industry_code,above_size\n"_s + lines.join(u'\n') + u'\n').toUtf8();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return u"cannot write %1: %2"_s.arg(path, file.errorString());
    return Done{};
}

} // namespace

Result<SampleData::RegistryFiles, QString>
SampleData::registryFiles(DeviceStore &store, const QString &region, const QString &dir)
{
    auto enterprises =
        store.queries().enterprises(EnterpriseQuery{region, 0, {}, SurveyFilter::Any});
    if (!enterprises)
        return enterprises.error().message;
    QStringList lines;
    for (const EnterpriseRow &row : enterprises.value()) {
        auto record = store.record(u"enterprise"_s, row.uscc);
        if (!record)
            return record.error().message;
        if (!record.value())
            continue;
        QJsonObject fields = record.value()->fields;
        if (lines.isEmpty()) // one renamed: an update
            fields.insert(u"name"_s, QString(fields.value("name"_L1).toString() + u"（更名）"_s));
        lines.append(registryLine(fields));
    }
    const QStringList newNames{u"丽水新登记精工机械有限公司"_s, u"瓯江智能装备有限公司"_s,
                               u"处州小微五金厂"_s};
    for (int i = 0; i < newNames.size(); ++i) {
        const QString uscc =
            makeUscc(u'9', u'1', region.left(6), u"8%1"_s.arg(i + 1, 7, 10, QLatin1Char('0')));
        lines.append(registryLine({{u"uscc"_s, uscc},
                                   {u"name"_s, newNames.at(i)},
                                   {u"region"_s, region},
                                   {u"industry_code"_s, u"3421"_s},
                                   {u"above_size"_s, i < 2}}));
    }
    RegistryFiles files{dir + u"/registry-sample.csv"_s, dir + u"/registry-sample-bad.csv"_s};
    if (auto done = writeCsv(files.clean, lines); !done)
        return done.error();
    QString badCheck = makeUscc(u'9', u'1', region.left(6), u"89000001"_s);
    badCheck[17] = badCheck[17] == u'1' ? u'2' : u'1';
    const QString next = makeUscc(u'9', u'1', region.left(6), u"89000002"_s);
    lines.append(badCheck + u",丽水错码企业有限公司,"_s + region + u",3421,是"_s);
    lines.append(next + u",外地迁入企业有限公司,339999,3421,是"_s);
    lines.append(makeUscc(u'9', u'1', region.left(6), u"89000003"_s) + u",处州规模未定企业,"_s +
                 region + u",3421,待定"_s);
    lines.append(makeUscc(u'9', u'1', region.left(6), u"89000004"_s) + u",,"_s + region +
                 u",3421,否"_s);
    if (auto done = writeCsv(files.bad, lines); !done)
        return done.error();
    return files;
}

QImage SampleData::qrPhoto(const QString &text, QSize size, bool sharp)
{
    QImage photo(size, QImage::Format_RGB32);
    QPainter painter(&photo);
    QLinearGradient desk(0, 0, size.width(), size.height());
    desk.setColorAt(0, QColor(0x8d, 0x7b, 0x68));
    desk.setColorAt(1, QColor(0x5d, 0x4e, 0x40));
    painter.fillRect(photo.rect(), desk);
    const QImage code = QrCodeItem::encode(text);
    if (code.isNull())
        return photo;
    const int card = qMin(size.width(), size.height()) * 55 / 100;
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.translate(size.width() / 2.0, size.height() / 2.0);
    painter.rotate(-6);
    painter.fillRect(QRectF(-card / 2.0, -card / 2.0, card, card), Qt::white);
    const double module = card / double(code.width() + 8);
    const double side = module * code.width();
    painter.drawImage(QRectF(-side / 2, -side / 2, side, side), code);
    painter.end();
    if (sharp)
        return photo;
    const QSize small(qMax(1, size.width() / 24), qMax(1, size.height() / 24));
    return photo.scaled(small, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
        .scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

} // namespace gx
