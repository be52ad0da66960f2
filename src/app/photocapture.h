#pragma once

#include "app/photoencoder.h"

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QSize>
#include <QString>
#include <QVideoSink>
#include <QtQml/qqmlregistration.h>

Q_MOC_INCLUDE("app/formfieldsmodel.h")

namespace gx {

class FormFieldsModel;
class ImageSource;

/**
 * The capture pipeline of a photo field (a nameplate): the picture a camera (an ImageSource)
 * takes is turned upright, scaled to at most 1600 px on its long side and encoded as JPEG
 * (PhotoEncoder) as soon as it arrives, shown for review, and on use() stored durably as the
 * device store's content-addressed blob before the field is set to its sha256 and the record
 * saved (FormFieldsModel::setPhotoBytes), so the screen says 已保存 only for a photo on disk.
 *
 * Any failure (the camera's error, a picture that does not encode, a store that cannot write:
 * a full disk) leaves the record, the outbox and the blobs as they were and says why in
 * `message`, naming the field: 「铭牌照片」未保存：….
 *
 * The source comes from CameraSupport at start() unless one was set (setSource: tests).
 */
class PhotoCapture : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(gx::FormFieldsModel *form READ form WRITE setForm NOTIFY formChanged)
    Q_PROPERTY(QString field READ field WRITE setField NOTIFY fieldChanged)
    /** The field's label in the UI language (铭牌照片). */
    Q_PROPERTY(QString fieldLabel READ fieldLabel NOTIFY fieldChanged)
    /** Where the live picture goes (VideoOutput.videoSink). */
    Q_PROPERTY(QVideoSink *videoSink READ videoSink WRITE setVideoSink NOTIFY videoSinkChanged)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    /** Whether the camera can take a picture now (running, not busy). */
    Q_PROPERTY(bool ready READ isReady NOTIFY readyChanged)
    /** The photo taken, as it will be stored (upright, scaled), while reviewing. */
    Q_PROPERTY(QImage preview READ preview NOTIFY previewChanged)
    /** Its size in pixels (e.g. 1600x1200), and its JPEG's size in bytes. */
    Q_PROPERTY(QSize photoSize READ photoSize NOTIFY previewChanged)
    Q_PROPERTY(int photoBytes READ photoBytes NOTIFY previewChanged)
    /** Why the last step failed (Chinese, naming the field), "" when it did not. */
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    /** The sha256 the field was set to by the last use(). */
    Q_PROPERTY(QString savedSha READ savedSha NOTIFY stateChanged)

public:
    enum class State
    {
        NoCamera, ///< no source: neither a camera nor an injected one
        Idle,     ///< not started
        Live,     ///< the live picture; shoot() takes one
        Taking,   ///< a still was asked for
        Review,   ///< a photo taken, encoded and shown: use() or retake()
        Saved,    ///< stored and the field saved
    };
    Q_ENUM(State)

    explicit PhotoCapture(QObject *parent = nullptr);
    ~PhotoCapture() override;

    [[nodiscard]] FormFieldsModel *form() const { return m_form; }
    void setForm(FormFieldsModel *form);
    [[nodiscard]] QString field() const { return m_field; }
    void setField(const QString &field);
    [[nodiscard]] QString fieldLabel() const;
    [[nodiscard]] QVideoSink *videoSink() const { return m_sink; }
    void setVideoSink(QVideoSink *sink);
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isReady() const;
    [[nodiscard]] QImage preview() const { return m_photo.image; }
    [[nodiscard]] QSize photoSize() const { return m_photo.size; }
    [[nodiscard]] int photoBytes() const { return int(m_photo.jpeg.size()); }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QString savedSha() const { return m_savedSha; }
    /** The JPEG bytes of the photo under review (empty when none). */
    [[nodiscard]] QByteArray jpeg() const { return m_photo.jpeg; }

    /** Uses this source instead of CameraSupport's (not owned; before start()). */
    void setSource(ImageSource *source);
    [[nodiscard]] ImageSource *source() const { return m_source; }

    /** Starts the source and the live picture (NoCamera when there is none). */
    Q_INVOKABLE void start();
    Q_INVOKABLE void stop();
    /** The shutter: asks the source for a still; false when it is not ready. */
    Q_INVOKABLE bool shoot();
    /** Drops the photo under review and goes back to the live picture. */
    Q_INVOKABLE void retake();
    /** Stores the photo under review and sets the field to it; false (error) when not. */
    Q_INVOKABLE bool use();
    /**
     * The pipeline's entry for a picture that arrived (from the source, or handed in): encoded
     * at once and held for review; false (error) when it cannot be.
     */
    bool accept(const CapturedImage &picture);

signals:
    void formChanged();
    void fieldChanged();
    void videoSinkChanged();
    void stateChanged();
    void readyChanged();
    void previewChanged();
    void errorChanged();
    /** The photo is stored and the field saved. */
    void saved(const QString &sha256);

private:
    void setState(State state);
    void setError(const QString &error);
    void fail(const QString &reason);
    void connectSource();

    QPointer<FormFieldsModel> m_form;
    QString m_field;
    QPointer<QVideoSink> m_sink;
    QPointer<ImageSource> m_source;
    bool m_ownsSource = false;
    State m_state = State::Idle;
    EncodedPhoto m_photo;
    QString m_error;
    QString m_savedSha;
};

} // namespace gx
