#include "app/photocapture.h"

#include "app/camerasupport.h"
#include "app/formfieldsmodel.h"
#include "app/imagesource.h"
#include "app/logging.h"
#include "app/session.h"

namespace gx {

PhotoCapture::PhotoCapture(QObject *parent)
    : QObject(parent)
{}

PhotoCapture::~PhotoCapture()
{
    if (m_source)
        m_source->stop();
}

void PhotoCapture::setForm(FormFieldsModel *form)
{
    if (m_form == form)
        return;
    if (m_form)
        m_form->disconnect(this);
    m_form = form;
    if (m_form) // the label is known once the record's rows are loaded
        connect(m_form, &QAbstractItemModel::modelReset, this, &PhotoCapture::fieldChanged);
    emit formChanged();
    emit fieldChanged(); // the label comes from the form
}

void PhotoCapture::setField(const QString &field)
{
    if (m_field == field)
        return;
    m_field = field;
    emit fieldChanged();
}

QString PhotoCapture::fieldLabel() const
{
    if (!m_form)
        return m_field;
    const QString label = m_form->get(m_form->indexOf(m_field), QStringLiteral("label")).toString();
    return label.isEmpty() ? m_field : label;
}

void PhotoCapture::setVideoSink(QVideoSink *sink)
{
    if (m_sink == sink)
        return;
    m_sink = sink;
    if (m_source)
        m_source->setVideoSink(sink);
    emit videoSinkChanged();
}

void PhotoCapture::setSource(ImageSource *source)
{
    if (m_source == source)
        return;
    if (m_source) {
        m_source->disconnect(this);
        if (m_ownsSource)
            m_source->deleteLater();
    }
    m_source = source;
    m_ownsSource = false;
    connectSource();
    emit readyChanged();
}

void PhotoCapture::connectSource()
{
    if (!m_source)
        return;
    connect(m_source, &ImageSource::captured, this, [this](const CapturedImage &picture) {
        if (m_state == State::Taking)
            accept(picture);
    });
    connect(m_source, &ImageSource::failed, this, &PhotoCapture::fail);
    connect(m_source, &ImageSource::readyChanged, this, &PhotoCapture::readyChanged);
    m_source->setVideoSink(m_sink);
}

bool PhotoCapture::isReady() const
{
    return m_source && m_source->isReady();
}

void PhotoCapture::start()
{
    if (!m_source) {
        m_source = CameraSupport::createSource(this);
        m_ownsSource = true;
        connectSource();
        emit readyChanged();
    }
    if (!m_source) {
        setState(State::NoCamera);
        return;
    }
    m_source->start();
    setState(State::Live);
}

void PhotoCapture::stop()
{
    if (m_source)
        m_source->stop();
}

bool PhotoCapture::shoot()
{
    if (m_state != State::Live || !m_source)
        return false;
    setError({});
    if (!m_source->capture()) {
        fail(tr("the camera is not ready"));
        return false;
    }
    setState(State::Taking);
    return true;
}

void PhotoCapture::fail(const QString &reason)
{
    qCWarning(lcApp) << "photo" << m_field << "not saved:" << reason;
    setError(tr("%1 was not saved: %2").arg(fieldLabel(), reason));
    if (m_state == State::Taking)
        setState(State::Live);
}

bool PhotoCapture::accept(const CapturedImage &picture)
{
    auto encoded = PhotoEncoder::encode(picture);
    if (!encoded) {
        qCWarning(lcApp) << "photo" << m_field << encoded.error().message;
        switch (encoded.error().code) {
        case PhotoEncodeError::Code::Empty:
            fail(tr("the camera gave no picture"));
            break;
        case PhotoEncodeError::Code::TooLarge:
            fail(tr("the picture is too large"));
            break;
        case PhotoEncodeError::Code::Encode:
            fail(tr("it could not be encoded as JPEG"));
            break;
        }
        return false;
    }
    setError({});
    m_photo = std::move(encoded).value();
    emit previewChanged();
    setState(State::Review);
    return true;
}

void PhotoCapture::retake()
{
    if (m_state != State::Review && m_state != State::Saved)
        return;
    m_photo = {};
    emit previewChanged();
    setError({});
    setState(m_source ? State::Live : State::NoCamera);
}

bool PhotoCapture::use()
{
    if (m_state != State::Review || m_photo.jpeg.isEmpty())
        return false;
    if (!m_form) {
        setError(tr("%1 was not saved: %2").arg(fieldLabel(), tr("the record is not open")));
        return false;
    }
    if (!m_form->setPhotoBytes(m_field, m_photo.jpeg)) {
        setError(tr("%1 was not saved: %2").arg(fieldLabel(), m_form->lastError()));
        return false;
    }
    setError({});
    m_savedSha = m_form->get(m_form->indexOf(m_field), QStringLiteral("value")).toString();
    if (m_source)
        m_source->stop();
    setState(State::Saved);
    emit saved(m_savedSha);
    return true;
}

void PhotoCapture::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged();
}

void PhotoCapture::setError(const QString &error)
{
    if (m_error == error)
        return;
    m_error = error;
    emit errorChanged();
}

} // namespace gx
