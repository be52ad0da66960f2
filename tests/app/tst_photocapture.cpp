// The capture pipeline of a photo field: a picture from an injected camera (StillImageSource)
// is turned upright, scaled to at most 1600 px long side, encoded as JPEG, stored as the
// store's content-addressed blob and only then set on the record's field (with its outbox
// mutation); a failure of the camera, the encoder or the disk changes nothing.

#include "app/formfieldsmodel.h"
#include "app/nameplatepicture.h"
#include "app/photocapture.h"
#include "app/photoencoder.h"
#include "app/stillimagesource.h"
#include "formtesthelpers.h"
#include "store/attachmentstore.h"
#include "store/outbox.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

/** A picture whose left half is red and right half blue, so that turns can be seen. */
QImage halves(const QSize &size, QImage::Format format)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::blue);
    QPainter p(&image);
    p.fillRect(QRect(0, 0, (size.width() + 1) / 2, size.height()), Qt::red);
    p.end();
    return image.convertToFormat(format);
}

bool reddish(QRgb c)
{
    return qRed(c) > 150 && qBlue(c) < 100;
}

/** A JPEG of the picture with an EXIF orientation tag (6: turn 90 degrees clockwise to show),
 * as phone cameras write them; Qt's JPEG writer writes none, so the APP1 segment is made here. */
QByteArray jpegWithOrientation(const QImage &image, bool rotate90)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.write(image);
    if (!rotate90)
        return bytes;
    static const char exif[] = "\xff\xe1\x00\x22"                 // APP1, 34 bytes
                               "Exif\x00\x00"                     // its name
                               "MM\x00\x2a\x00\x00\x00\x08"       // big-endian TIFF, IFD at 8
                               "\x00\x01"                         // one entry:
                               "\x01\x12\x00\x03\x00\x00\x00\x01" // Orientation, SHORT, 1
                               "\x00\x06\x00\x00"                 // = 6
                               "\x00\x00\x00\x00";                // no next IFD
    return bytes.left(2) + QByteArray(exif, sizeof(exif) - 1) + bytes.mid(2);
}

QStringList blobFiles(const QString &directory)
{
    return QDir(directory).entryList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class Tst_photocapture : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void storesTheScaledJpeg_data();
    void storesTheScaledJpeg();
    void failureChangesNothing_data();
    void failureChangesNothing();
    void pickedFileIsEncodedLikeACameraPicture_data();
    void pickedFileIsEncodedLikeACameraPicture();
    void badPickedFileChangesNothing_data();
    void badPickedFileChangesNothing();
    void retakeDropsThePicture();
    void sameSceneIsOneBlob();
    void scaledSize_data();
    void scaledSize();

private:
    [[nodiscard]] QString equipmentPhotoValue() const;
    [[nodiscard]] int outboxCount() const;

    std::unique_ptr<gx::test::FormWorld> m_world;
    std::unique_ptr<gx::FormFieldsModel> m_form;
    QString m_rowId;
};

void Tst_photocapture::init()
{
    m_world = std::make_unique<gx::test::FormWorld>();
    QVERIFY(m_world->open());
    auto row = m_world->session->store()->createRecord(
        u"equipment"_s, QJsonObject{{u"survey"_s, m_world->surveyId}, {u"name"_s, u"空压机"_s}});
    QVERIFY(row);
    m_rowId = row.value().id;
    m_form = std::make_unique<gx::FormFieldsModel>();
    m_form->setSession(m_world->session.get());
    m_form->setEntity(u"equipment"_s);
    m_form->setRecordId(m_rowId);
    QVERIFY(m_form->isLoaded());
}

void Tst_photocapture::cleanup()
{
    m_form.reset();
    m_world.reset();
}

QString Tst_photocapture::equipmentPhotoValue() const
{
    return m_world->stored(u"equipment"_s, m_rowId).value(u"photo"_s).toString();
}

int Tst_photocapture::outboxCount() const
{
    auto entries = m_world->session->store()->outbox().entries();
    return entries ? int(entries.value().size()) : -1;
}

void Tst_photocapture::storesTheScaledJpeg_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("transformation");
    QTest::addColumn<bool>("asJpegFile"); // handed in as JPEG bytes with an EXIF orientation
    QTest::addColumn<QSize>("stored");

    const int none = QImageIOHandler::TransformationNone;
    const int r90 = QImageIOHandler::TransformationRotate90;
    QTest::newRow("4000x3000 camera RGB32")
        << QSize(4000, 3000) << int(QImage::Format_RGB32) << none << false << QSize(1600, 1200);
    QTest::newRow("1200x1600 portrait ARGB32 with transparency")
        << QSize(1200, 1600) << int(QImage::Format_ARGB32) << none << false << QSize(1200, 1600);
    QTest::newRow("800x600 RGB888 kept")
        << QSize(800, 600) << int(QImage::Format_RGB888) << none << false << QSize(800, 600);
    QTest::newRow("1x1 grayscale")
        << QSize(1, 1) << int(QImage::Format_Grayscale8) << none << false << QSize(1, 1);
    QTest::newRow("16000x100 strip")
        << QSize(16000, 100) << int(QImage::Format_RGB32) << none << false << QSize(1600, 10);
    QTest::newRow("3000x4000 indexed, frame rotated 90")
        << QSize(3000, 4000) << int(QImage::Format_Indexed8) << r90 << false << QSize(1600, 1200);
    QTest::newRow("2000x1000 JPEG file, EXIF rotate 90")
        << QSize(2000, 1000) << int(QImage::Format_RGB32) << r90 << true << QSize(800, 1600);
    QTest::newRow("640x480 JPEG file, no EXIF")
        << QSize(640, 480) << int(QImage::Format_RGB32) << none << true << QSize(640, 480);
}

void Tst_photocapture::storesTheScaledJpeg()
{
    QFETCH(QSize, size);
    QFETCH(int, format);
    QFETCH(int, transformation);
    QFETCH(bool, asJpegFile);
    QFETCH(QSize, stored);
    const auto t = QImageIOHandler::Transformations(transformation);

    gx::CapturedImage picture{halves(size, QImage::Format(format)), t};
    if (asJpegFile) {
        auto decoded = gx::PhotoEncoder::decode(
            jpegWithOrientation(picture.image, t & QImageIOHandler::TransformationRotate90));
        QVERIFY(decoded);
        QCOMPARE(int(decoded.value().transformation), transformation);
        picture = decoded.value();
    }
    gx::StillImageSource camera(picture);
    gx::PhotoCapture capture;
    capture.setForm(m_form.get());
    capture.setField(u"photo"_s);
    capture.setSource(&camera);
    capture.start();
    QCOMPARE(capture.state(), gx::PhotoCapture::State::Live);
    const int outboxBefore = outboxCount();
    QVERIFY(capture.shoot());
    QTRY_COMPARE(capture.state(), gx::PhotoCapture::State::Review);
    QCOMPARE(capture.photoSize(), stored);
    QCOMPARE(equipmentPhotoValue(), QString()); // nothing stored before use
    QSignalSpy saved(&capture, &gx::PhotoCapture::saved);
    QVERIFY2(capture.use(), qPrintable(capture.error()));
    QCOMPARE(capture.state(), gx::PhotoCapture::State::Saved);
    QCOMPARE(saved.count(), 1);

    // The record's field names the blob, and the outbox carries that value.
    const QString sha = equipmentPhotoValue();
    QCOMPARE(sha.size(), 64);
    QCOMPARE(capture.savedSha(), sha);
    QCOMPARE(m_form->get(m_form->indexOf(u"photo"_s), u"value"_s).toString(), sha);
    auto entries = m_world->session->store()->outbox().entriesOf(u"equipment"_s, m_rowId);
    QVERIFY(entries && !entries.value().isEmpty());
    QCOMPARE(entries.value().last().mutation.fields.value(u"photo"_s).toString(), sha);
    QVERIFY(outboxCount() >= outboxBefore);

    // The blob: a JPEG whose sha256 is its file's name, upright, scaled, aspect kept.
    gx::AttachmentStore &attachments = m_world->session->store()->attachments();
    QFile file(attachments.filePath(sha));
    QCOMPARE(QFileInfo(file).fileName(), sha);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QCOMPARE(bytes, capture.jpeg());
    QCOMPARE(
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()),
        sha);
    QVERIFY(bytes.startsWith("\xff\xd8\xff"));
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    QCOMPARE(reader.format(), QByteArray("jpeg"));
    QCOMPARE(reader.transformation(), QImageIOHandler::TransformationNone); // pixels are upright
    const QImage back = reader.read();
    QCOMPARE(back.size(), stored);
    QVERIFY(qMax(back.width(), back.height()) <= gx::PhotoEncoder::kMaxLongSide);
    const QSize upright = (t & QImageIOHandler::TransformationRotate90) ? size.transposed() : size;
    // Aspect kept: the stored sides are the upright ones times one factor, rounded.
    QVERIFY(
        qAbs(qint64(back.width()) * upright.height() - qint64(back.height()) * upright.width()) <=
        qMax(upright.width(), upright.height()));
    if (back.width() >= 4 && back.height() >= 4) {
        // Red was the left half; turned by 90 degrees clockwise it is the top half.
        if (t & QImageIOHandler::TransformationRotate90) {
            QVERIFY(reddish(back.pixel(back.width() / 2, 1)));
            QVERIFY(!reddish(back.pixel(back.width() / 2, back.height() - 2)));
        } else {
            QVERIFY(reddish(back.pixel(1, back.height() / 2)));
            QVERIFY(!reddish(back.pixel(back.width() - 2, back.height() / 2)));
        }
    }
    auto attachment = attachments.attachment(sha);
    QVERIFY(attachment && attachment.value());
    QCOMPARE(attachment.value()->size, qint64(bytes.size()));
    // The form shows it: the thumbnail's file is the blob.
    QCOMPARE(m_form->get(m_form->indexOf(u"photo"_s), u"photoUrl"_s).toUrl(),
             QUrl::fromLocalFile(attachments.filePath(sha)));
}

void Tst_photocapture::failureChangesNothing_data()
{
    QTest::addColumn<QString>("failure");
    QTest::addColumn<QString>("message");

    QTest::newRow("camera error") << u"camera"_s << u"「铭牌照片」未保存：摄像头出错（设备忙）"_s;
    QTest::newRow("no picture (encode failure)")
        << u"empty"_s << u"「铭牌照片」未保存：摄像头没有给出画面"_s;
    QTest::newRow("disk full (blobs cannot be written)")
        << u"disk"_s << u"「铭牌照片」未保存：照片无法写入本设备（存储空间可能已满）"_s;
    QTest::newRow("read-only form") << u"readonly"_s << u"「铭牌照片」未保存：此表单为只读。"_s;
}

void Tst_photocapture::failureChangesNothing()
{
    QFETCH(QString, failure);
    QFETCH(QString, message);

    gx::AttachmentStore &attachments = m_world->session->store()->attachments();
    // A first photo is on the record: a failed second one must leave it.
    {
        gx::StillImageSource first({gx::NameplatePicture::draw(QSize(640, 480)), {}});
        gx::PhotoCapture capture;
        capture.setForm(m_form.get());
        capture.setField(u"photo"_s);
        capture.setSource(&first);
        capture.start();
        QVERIFY(capture.shoot());
        QTRY_COMPARE(capture.state(), gx::PhotoCapture::State::Review);
        QVERIFY(capture.use());
    }
    const QJsonObject recordBefore = m_world->stored(u"equipment"_s, m_rowId);
    const int outboxBefore = outboxCount();
    auto entriesBefore = m_world->session->store()->outbox().entriesOf(u"equipment"_s, m_rowId);
    QVERIFY(entriesBefore);
    const QStringList blobsBefore = blobFiles(attachments.directory());
    auto pendingBefore = attachments.pendingUploads();
    QVERIFY(pendingBefore);

    gx::StillImageSource camera({halves(QSize(3000, 2000), QImage::Format_RGB32), {}});
    gx::PhotoCapture capture;
    capture.setForm(m_form.get());
    capture.setField(u"photo"_s);
    capture.setSource(&camera);
    capture.start();
    bool used = false;
    if (failure == u"camera"_s) {
        camera.setFailure(u"摄像头出错（设备忙）"_s);
        QVERIFY(capture.shoot());
        QTRY_COMPARE(capture.state(), gx::PhotoCapture::State::Live);
    } else if (failure == u"empty"_s) {
        camera.setPicture({QImage(), {}});
        QVERIFY(capture.shoot());
        QTRY_VERIFY(!capture.error().isEmpty());
        QCOMPARE(capture.state(), gx::PhotoCapture::State::Live);
    } else {
        QVERIFY(capture.shoot());
        QTRY_COMPARE(capture.state(), gx::PhotoCapture::State::Review);
        if (failure == u"disk"_s) {
            // The blob directory cannot be written (a full or broken disk): a file in its place
            // refuses even root.
            QDir(attachments.directory()).removeRecursively();
            QFile blocker(attachments.directory());
            QVERIFY(blocker.open(QIODevice::WriteOnly));
            blocker.close();
        } else {
            m_form->setReadOnly(true);
        }
        used = capture.use();
        QCOMPARE(capture.state(), gx::PhotoCapture::State::Review); // the picture is kept
    }
    QVERIFY(!used);
    QCOMPARE(capture.error(), message);
    QVERIFY(capture.savedSha().isEmpty());

    QCOMPARE(m_world->stored(u"equipment"_s, m_rowId), recordBefore);
    QCOMPARE(outboxCount(), outboxBefore);
    auto entriesAfter = m_world->session->store()->outbox().entriesOf(u"equipment"_s, m_rowId);
    QVERIFY(entriesAfter);
    QCOMPARE(entriesAfter.value().size(), entriesBefore.value().size());
    QCOMPARE(entriesAfter.value().last().mutation.fields,
             entriesBefore.value().last().mutation.fields);
    auto pendingAfter = attachments.pendingUploads();
    QVERIFY(pendingAfter);
    QCOMPARE(pendingAfter.value().size(), pendingBefore.value().size());
    if (failure != u"disk"_s)
        QCOMPARE(blobFiles(attachments.directory()), blobsBefore);
}

// 选择照片: a file goes through the same PhotoEncoder as a camera picture.
void Tst_photocapture::pickedFileIsEncodedLikeACameraPicture_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QByteArray>("format"); // how the file is written
    QTest::addColumn<bool>("exifRotate90");
    QTest::addColumn<QSize>("stored");

    QTest::newRow("4000x3000 JPEG")
        << QSize(4000, 3000) << QByteArray("jpeg") << false << QSize(1600, 1200);
    QTest::newRow("3000x2000 JPEG, EXIF rotate 90")
        << QSize(3000, 2000) << QByteArray("jpeg") << true << QSize(1067, 1600);
    QTest::newRow("2400x2400 PNG")
        << QSize(2400, 2400) << QByteArray("png") << false << QSize(1600, 1600);
    QTest::newRow("800x600 PNG, not enlarged")
        << QSize(800, 600) << QByteArray("png") << false << QSize(800, 600);
}

void Tst_photocapture::pickedFileIsEncodedLikeACameraPicture()
{
    QFETCH(QSize, size);
    QFETCH(QByteArray, format);
    QFETCH(bool, exifRotate90);
    QFETCH(QSize, stored);

    const QImage picture = halves(size, QImage::Format_RGB32);
    QByteArray bytes;
    if (format == "jpeg") {
        bytes = jpegWithOrientation(picture, exifRotate90);
    } else {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(picture.save(&buffer, format.constData()));
    }
    const QString path = m_world->dir.filePath(u"picked."_s + QString::fromLatin1(format));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();

    QVERIFY2(m_form->setPhotoFile(u"photo"_s, QUrl::fromLocalFile(path)),
             qPrintable(m_form->lastError()));
    const QString sha = equipmentPhotoValue();
    QCOMPARE(sha.size(), 64);
    QFile blob(m_world->session->store()->attachments().filePath(sha));
    QVERIFY(blob.open(QIODevice::ReadOnly));
    const QByteArray kept = blob.readAll();
    QVERIFY(kept != bytes); // never the file whole
    QBuffer buffer;
    buffer.setData(kept);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    QCOMPARE(reader.format(), QByteArray("jpeg"));
    QCOMPARE(reader.transformation(), QImageIOHandler::TransformationNone);
    const QImage back = reader.read();
    QCOMPARE(back.size(), stored);
    // The same bytes the camera's pipeline makes of that picture.
    auto decoded = gx::PhotoEncoder::decode(bytes);
    QVERIFY(decoded);
    auto encoded = gx::PhotoEncoder::encode(decoded.value());
    QVERIFY(encoded);
    QCOMPARE(kept, encoded.value().jpeg);
    if (exifRotate90)
        QVERIFY(reddish(back.pixel(back.width() / 2, 1))); // the left half is now on top
    else
        QVERIFY(reddish(back.pixel(1, back.height() / 2)));
}

void Tst_photocapture::badPickedFileChangesNothing_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");

    QTest::newRow("missing") << u"missing"_s << u"「铭牌照片」未保存：无法读取照片："_s;
    QTest::newRow("not a picture") << u"text"_s << u"「铭牌照片」未保存：该文件不是图片"_s;
    QTest::newRow("cut-off JPEG") << u"cut"_s << u"「铭牌照片」未保存：该文件不是图片"_s;
    QTest::newRow("larger than 50 MB") << u"huge"_s << u"「铭牌照片」未保存：文件大于 50 MB"_s;
    QTest::newRow("read-only form") << u"readonly"_s << u"「铭牌照片」未保存：此表单为只读。"_s;
}

void Tst_photocapture::badPickedFileChangesNothing()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);

    const QString path = m_world->dir.filePath(u"bad.jpg"_s);
    if (kind != u"missing"_s) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(halves(QSize(640, 480), QImage::Format_RGB32).save(&buffer, "jpeg"));
        if (kind == u"text"_s)
            file.write("\xff\xd8\xff\xe0 a nameplate");
        else if (kind == u"cut"_s)
            file.write(jpeg.left(20));
        else
            file.write(jpeg);
        if (kind == u"huge"_s)
            QVERIFY(file.resize(gx::FormFieldsModel::kMaxPhotoFileBytes + 1));
        file.close();
    }
    if (kind == u"readonly"_s)
        m_form->setReadOnly(true);
    gx::AttachmentStore &attachments = m_world->session->store()->attachments();
    const QJsonObject recordBefore = m_world->stored(u"equipment"_s, m_rowId);
    const int outboxBefore = outboxCount();
    const QStringList blobsBefore = blobFiles(attachments.directory());

    QVERIFY(!m_form->setPhotoFile(u"photo"_s, QUrl::fromLocalFile(path)));
    QVERIFY2(m_form->lastError().startsWith(message), qPrintable(m_form->lastError()));
    QCOMPARE(m_world->stored(u"equipment"_s, m_rowId), recordBefore);
    QCOMPARE(outboxCount(), outboxBefore);
    QCOMPARE(blobFiles(attachments.directory()), blobsBefore);
}

void Tst_photocapture::retakeDropsThePicture()
{
    gx::StillImageSource camera({halves(QSize(800, 600), QImage::Format_RGB32), {}});
    gx::PhotoCapture capture;
    capture.setForm(m_form.get());
    capture.setField(u"photo"_s);
    capture.setSource(&camera);
    capture.start();
    QVERIFY(capture.shoot());
    QTRY_COMPARE(capture.state(), gx::PhotoCapture::State::Review);
    QVERIFY(!capture.preview().isNull());
    capture.retake();
    QCOMPARE(capture.state(), gx::PhotoCapture::State::Live);
    QVERIFY(capture.preview().isNull());
    QVERIFY(!capture.use());
    QCOMPARE(equipmentPhotoValue(), QString());
    QVERIFY(blobFiles(m_world->session->store()->attachments().directory()).isEmpty());
    QCOMPARE(camera.captureCount(), 1);
}

void Tst_photocapture::sameSceneIsOneBlob()
{
    const QImage scene = gx::NameplatePicture::draw(QSize(2400, 1800));
    auto a = gx::PhotoEncoder::encode({scene, {}});
    auto b = gx::PhotoEncoder::encode({scene, {}});
    QVERIFY(a && b);
    QCOMPARE(a.value().jpeg, b.value().jpeg);
    QCOMPARE(a.value().size, QSize(1600, 1200));
    QVERIFY(a.value().jpeg.size() < 1024 * 1024); // a size a data plan carries
}

void Tst_photocapture::scaledSize_data()
{
    QTest::addColumn<QSize>("in");
    QTest::addColumn<QSize>("out");
    QTest::newRow("landscape") << QSize(4000, 3000) << QSize(1600, 1200);
    QTest::newRow("portrait") << QSize(3024, 4032) << QSize(1200, 1600);
    QTest::newRow("exactly 1600") << QSize(1600, 900) << QSize(1600, 900);
    QTest::newRow("small, never enlarged") << QSize(320, 240) << QSize(320, 240);
    QTest::newRow("thin strip keeps a pixel") << QSize(100000, 10) << QSize(1600, 1);
}

void Tst_photocapture::scaledSize()
{
    QFETCH(QSize, in);
    QFETCH(QSize, out);
    QCOMPARE(gx::PhotoEncoder::scaledSize(in), out);
}

QTEST_MAIN(Tst_photocapture)
#include "tst_photocapture.moc"
