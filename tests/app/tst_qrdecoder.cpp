#include "app/imageframesource.h"
#include "app/qrcodeitem.h"
#include "app/qrdecoder.h"
#include "core/setupcode.h"

#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QTest>
#include <QTransform>
#include <QVideoFrame>
#include <QVideoFrameFormat>

#include <cstring>

using namespace Qt::StringLiterals;

namespace {

/** The setup code of an inspector at a server, as the accounts screen shows it. */
QString setupCodeText(const QString &server, const QString &user)
{
    return gx::SetupCode{QUrl(server), user}.toText();
}

/**
 * What a camera sees of a QR code of `text`: libqrencode's modules (QrCodeItem::encode) at
 * `scale` pixels each, with a quiet zone of four modules, on a grey desk `margin` pixels wide.
 */
QImage photoOf(const QString &text, int scale, int margin = 40)
{
    const QImage code = gx::QrCodeItem::encode(text);
    if (code.isNull())
        return {};
    const int side = (code.width() + 8) * scale;
    QImage image(side + 2 * margin, side + 2 * margin, QImage::Format_RGB32);
    image.fill(QColor(150, 140, 120));
    QPainter painter(&image);
    painter.fillRect(margin, margin, side, side, Qt::white);
    painter.drawImage(
        QRect(margin + 4 * scale, margin + 4 * scale, code.width() * scale, code.width() * scale),
        code);
    return image;
}

QImage withNoise(const QImage &image, int amplitude)
{
    QImage noisy = image.convertToFormat(QImage::Format_RGB32);
    QRandomGenerator random(20261207); // the same noise every run
    for (int y = 0; y < noisy.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(noisy.scanLine(y));
        for (int x = 0; x < noisy.width(); ++x) {
            const int n = int(random.bounded(2 * amplitude + 1)) - amplitude;
            const int v = qBound(0, qGray(line[x]) + n, 255);
            line[x] = qRgb(v, v, v);
        }
    }
    return noisy;
}

/** Out of focus: a 5x5 box blur. */
QImage blurred(const QImage &image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    QImage out(gray.size(), QImage::Format_Grayscale8);
    for (int y = 0; y < gray.height(); ++y) {
        for (int x = 0; x < gray.width(); ++x) {
            int sum = 0;
            int count = 0;
            for (int dy = -2; dy <= 2; ++dy) {
                for (int dx = -2; dx <= 2; ++dx) {
                    const int sx = x + dx;
                    const int sy = y + dy;
                    if (sx < 0 || sy < 0 || sx >= gray.width() || sy >= gray.height())
                        continue;
                    sum += gray.constScanLine(sy)[sx];
                    ++count;
                }
            }
            out.scanLine(y)[x] = uchar(sum / count);
        }
    }
    return out;
}

/** The same picture as a camera's NV12 frame: its luminance plane, the colour planes grey. */
QVideoFrame nv12FrameOf(const QImage &image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const QSize size(gray.width() & ~1, gray.height() & ~1);
    QVideoFrame frame(QVideoFrameFormat(size, QVideoFrameFormat::Format_NV12));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    for (int y = 0; y < size.height(); ++y)
        std::memcpy(frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0), gray.constScanLine(y),
                    size_t(size.width()));
    for (int y = 0; y < size.height() / 2; ++y)
        std::memset(frame.bits(1) + qsizetype(y) * frame.bytesPerLine(1), 128,
                    size_t(size.width()));
    frame.unmap();
    return frame;
}

} // namespace

class Tst_qrdecoder : public QObject
{
    Q_OBJECT

private slots:
    void decode_data();
    void decode();
    void emptyPictures();
};

void Tst_qrdecoder::decode_data()
{
    QTest::addColumn<QImage>("image");
    QTest::addColumn<QString>("as");       ///< image, rgbx (a frame) or nv12 (a frame)
    QTest::addColumn<QString>("expected"); ///< the text read; empty: no code found
    /// -1: a setup code; else the SetupCode::Error its text is
    QTest::addColumn<int>("setupError");

    const QString code = setupCodeText(u"http://192.168.1.10:8470"_s, u"wang.li"_s);
    const QString https = setupCodeText(u"https://gx.lishui.example.cn:8443"_s, u"王丽"_s);
    QVERIFY(code.startsWith(u"gengxin://setup?"_s));

    for (const int scale : {2, 3, 6, 12}) {
        QTest::addRow("setup code, %d px per module", scale)
            << photoOf(code, scale) << u"image"_s << code << -1;
    }
    QTest::newRow("https server, Chinese user name")
        << photoOf(https, 4) << u"image"_s << https << -1;
    const QTransform turn90 = QTransform().rotate(90);
    const QTransform turn180 = QTransform().rotate(180);
    QTest::newRow("rotated 90") << photoOf(code, 4).transformed(turn90) << u"image"_s << code << -1;
    QTest::newRow("rotated 180") << photoOf(code, 4).transformed(turn180) << u"image"_s << code
                                 << -1;
    QTest::newRow("tilted 20 degrees")
        << photoOf(code, 5).transformed(QTransform().rotate(20), Qt::SmoothTransformation)
        << u"image"_s << code << -1;
    QTest::newRow("noise") << withNoise(photoOf(code, 5), 60) << u"image"_s << code << -1;
    QTest::newRow("blurred") << blurred(photoOf(code, 6)) << u"image"_s << code << -1;
    QImage inverted = photoOf(code, 4);
    inverted.invertPixels();
    QTest::newRow("inverted (light on dark)") << inverted << u"image"_s << code << -1;
    // A 4K still: scaled down to QrDecoder::kMaxSide before it is read.
    QTest::newRow("large picture") << photoOf(code, 30, 800) << u"image"_s << code << -1;

    QTest::newRow("camera frame, RGB") << photoOf(code, 4) << u"rgbx"_s << code << -1;
    QTest::newRow("camera frame, NV12") << photoOf(code, 4) << u"nv12"_s << code << -1;
    QTest::newRow("camera frame, NV12 rotated 90")
        << photoOf(code, 4).transformed(turn90) << u"nv12"_s << code << -1;

    const QString web = u"https://www.lishui.gov.cn/"_s;
    QTest::newRow("a QR code that is no setup code")
        << photoOf(web, 4) << u"image"_s << web << int(gx::SetupCode::Error::NotACode);
    const QString cut = u"gengxin://setup?server=http%3A%2F%2F192.168.1.10%3A8470"_s;
    QTest::newRow("a setup code without its user")
        << photoOf(cut, 4) << u"image"_s << cut << int(gx::SetupCode::Error::MissingUser);

    QImage nothing(640, 480, QImage::Format_RGB32);
    nothing.fill(QColor(150, 140, 120));
    {
        QPainter painter(&nothing);
        painter.fillRect(100, 100, 200, 150, Qt::black);
        painter.drawText(QRect(320, 200, 300, 100), u"设备铭牌 型号 Y2-160M-4"_s);
    }
    QTest::newRow("no code in the picture") << nothing << u"image"_s << QString() << -1;
    QTest::newRow("no code in a frame") << nothing << u"nv12"_s << QString() << -1;
    const QImage whole = photoOf(code, 4, 0);
    QTest::newRow("cut off (the left 55 %)")
        << whole.copy(0, 0, whole.width() * 55 / 100, whole.height()) << u"image"_s << QString()
        << -1;
}

void Tst_qrdecoder::decode()
{
    QFETCH(QImage, image);
    QFETCH(QString, as);
    QFETCH(QString, expected);
    QFETCH(int, setupError);
    QVERIFY(!image.isNull());

    const auto read = as == u"rgbx"_s ? gx::QrDecoder::decode(gx::ImageFrameSource::frameOf(image))
                      : as == u"nv12"_s ? gx::QrDecoder::decode(nv12FrameOf(image))
                                        : gx::QrDecoder::decode(image);
    if (expected.isEmpty()) {
        QVERIFY2(!read, read ? qPrintable(read.value()) : "");
        QCOMPARE(read.error().code, gx::QrDecodeError::Code::NoCode);
        return;
    }
    QVERIFY2(read.ok(), read ? "" : qPrintable(read.error().message));
    QCOMPARE(read.value(), expected);

    const auto parsed = gx::SetupCode::parse(read.value());
    if (setupError < 0) {
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().toText(), expected);
    } else {
        QVERIFY(!parsed.ok());
        QCOMPARE(int(parsed.error()), setupError);
    }
}

void Tst_qrdecoder::emptyPictures()
{
    QCOMPARE(gx::QrDecoder::decode(QImage()).error().code, gx::QrDecodeError::Code::EmptyImage);
    QCOMPARE(gx::QrDecoder::decode(QVideoFrame()).error().code,
             gx::QrDecodeError::Code::EmptyImage);
}

QTEST_MAIN(Tst_qrdecoder)
#include "tst_qrdecoder.moc"
