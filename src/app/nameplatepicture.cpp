#include "app/nameplatepicture.h"

#include <QFont>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace gx {

QImage NameplatePicture::draw(const QSize &size)
{
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const double w = size.width();
    const double h = size.height();

    QLinearGradient casing(0, 0, w, h);
    casing.setColorAt(0, QColor(0x4a, 0x5a, 0x63));
    casing.setColorAt(1, QColor(0x2c, 0x36, 0x3c));
    p.fillRect(image.rect(), casing);
    p.setPen(QPen(QColor(0x22, 0x2a, 0x2e), qMax(1.0, w / 300)));
    for (double x = w / 14; x < w; x += w / 7) // cooling ribs of the motor's casing
        p.drawLine(QPointF(x, 0), QPointF(x, h));

    const QRectF plate(w * 0.12, h * 0.16, w * 0.76, h * 0.68);
    QLinearGradient metal(plate.topLeft(), plate.bottomRight());
    metal.setColorAt(0, QColor(0xd9, 0xdc, 0xde));
    metal.setColorAt(0.5, QColor(0xf2, 0xf3, 0xf4));
    metal.setColorAt(1, QColor(0xb8, 0xbc, 0xbf));
    QPainterPath platePath;
    platePath.addRoundedRect(plate, w * 0.015, w * 0.015);
    p.fillPath(platePath, metal);
    p.setPen(QPen(QColor(0x55, 0x5b, 0x60), qMax(1.0, w / 250)));
    p.drawPath(platePath);
    p.setBrush(QColor(0x8a, 0x90, 0x94));
    const double rivet = w * 0.012;
    for (const QPointF &c : {plate.topLeft() + QPointF(w * 0.03, w * 0.03),
                             plate.topRight() + QPointF(-w * 0.03, w * 0.03),
                             plate.bottomLeft() + QPointF(w * 0.03, -w * 0.03),
                             plate.bottomRight() + QPointF(-w * 0.03, -w * 0.03)})
        p.drawEllipse(c, rivet, rivet);

    QFont font(u"Noto Sans CJK SC"_s);
    font.setPixelSize(qMax(6, int(h * 0.07)));
    font.setBold(true);
    p.setFont(font);
    p.setPen(QColor(0x1d, 0x2b, 0x53));
    const QRectF title(plate.left(), plate.top() + h * 0.03, plate.width(), h * 0.1);
    p.drawText(title, Qt::AlignCenter, u"三相异步电动机"_s);

    font.setBold(false);
    font.setPixelSize(qMax(5, int(h * 0.042)));
    p.setFont(font);
    p.setPen(QColor(0x20, 0x20, 0x20));
    const QStringList lines = {u"型号 YE3-160M-4"_s,          u"功率 11 kW"_s,
                               u"电压 380 V   电流 21.5 A"_s, u"转速 1460 r/min   50 Hz"_s,
                               u"能效等级 IE3 (2级)"_s,       u"出厂编号 2019-0473"_s};
    const double lineHeight = h * 0.068;
    double y = title.bottom() + h * 0.02;
    for (const QString &line : lines) {
        p.drawText(QRectF(plate.left() + w * 0.06, y, plate.width() - w * 0.12, lineHeight),
                   Qt::AlignLeft | Qt::AlignVCenter, line);
        y += lineHeight;
    }
    p.drawText(QRectF(plate.left(), plate.bottom() - h * 0.09, plate.width(), h * 0.06),
               Qt::AlignCenter, u"丽水市电机制造有限公司  2019年6月"_s);
    p.end();
    return image;
}

} // namespace gx
