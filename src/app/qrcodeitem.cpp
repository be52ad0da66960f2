#include "app/qrcodeitem.h"

#include <QPainter>

#include <qrencode.h>

namespace gx {

namespace {
constexpr int kQuietModules = 4;
}

QrCodeItem::QrCodeItem(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(false);
}

void QrCodeItem::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_code = encode(text);
    emit textChanged();
    update();
}

QImage QrCodeItem::encode(const QString &text)
{
    if (text.isEmpty())
        return {};
    const QByteArray utf8 = text.toUtf8();
    QRcode *code = QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M);
    if (!code)
        return {};
    QImage image(code->width, code->width, QImage::Format_Mono);
    image.fill(0);
    image.setColor(0, qRgb(255, 255, 255));
    image.setColor(1, qRgb(0, 0, 0));
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            if (code->data[y * code->width + x] & 1)
                image.setPixel(x, y, 1);
        }
    }
    QRcode_free(code);
    return image;
}

void QrCodeItem::paint(QPainter *painter)
{
    const int side = int(qMin(width(), height()));
    painter->fillRect(QRectF(0, 0, width(), height()), Qt::white);
    if (m_code.isNull() || side <= 0)
        return;
    const int total = m_code.width() + 2 * kQuietModules;
    const int scale = qMax(1, side / total);
    const int drawn = scale * total;
    const int left = int((width() - drawn) / 2) + scale * kQuietModules;
    const int top = int((height() - drawn) / 2) + scale * kQuietModules;
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter->drawImage(QRect(left, top, scale * m_code.width(), scale * m_code.width()), m_code);
}

} // namespace gx
