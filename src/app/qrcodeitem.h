#pragma once

#include <QImage>
#include <QQuickPaintedItem>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * A QR code of `text` (libqrencode, error correction level M, 8-bit UTF-8), drawn black on
 * white with a quiet zone of four modules, as large as the item allows in whole pixels per
 * module. `valid` is false when the text is empty or too long for a QR code.
 */
class QrCodeItem : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(bool valid READ isValid NOTIFY textChanged)
    /** Modules per side (without the quiet zone), 0 when not valid. */
    Q_PROPERTY(int modules READ modules NOTIFY textChanged)

public:
    explicit QrCodeItem(QQuickItem *parent = nullptr);

    [[nodiscard]] QString text() const { return m_text; }
    void setText(const QString &text);
    [[nodiscard]] bool isValid() const { return !m_code.isNull(); }
    [[nodiscard]] int modules() const { return m_code.width(); }

    /** The code of `text` as a one-bit image, one pixel per module; null when it cannot be. */
    [[nodiscard]] static QImage encode(const QString &text);

    void paint(QPainter *painter) override;

signals:
    void textChanged();

private:
    QString m_text;
    QImage m_code;
};

} // namespace gx
