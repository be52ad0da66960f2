#pragma once

#include "app/session.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * An enterprise found in the field that the registry lacks, as the add screen edits it: USCC,
 * name, region (fixed to an inspector's own), industry code and above-size. Every change is
 * validated by core's Validator (entity `enterprise`, draft mode, plus the fields the add screen
 * requires) and the messages are kept per field in the UI's language. create() stores it with
 * the USCC as its id.
 */
class EnterpriseDraft : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString uscc READ uscc WRITE setUscc NOTIFY changed)
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY changed)
    Q_PROPERTY(QString region READ region WRITE setRegion NOTIFY changed)
    Q_PROPERTY(QString industryCode READ industryCode WRITE setIndustryCode NOTIFY changed)
    Q_PROPERTY(bool aboveSize READ aboveSize WRITE setAboveSize NOTIFY changed)
    /** True when the region cannot be changed (an inspector adds in their own region). */
    Q_PROPERTY(bool regionFixed READ regionFixed NOTIFY sessionChanged)
    /** [{code, name}] of the regions one may pick. */
    Q_PROPERTY(QVariantList regions READ regions NOTIFY sessionChanged)
    /** field name -> message, for the fields typed so far (all of them after create()). */
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY changed)
    Q_PROPERTY(bool valid READ isValid NOTIFY changed)
    /** field name -> label in the UI's language. */
    Q_PROPERTY(QVariantMap labels READ labels NOTIFY sessionChanged)
    Q_PROPERTY(QString error READ error NOTIFY changed)

public:
    explicit EnterpriseDraft(QObject *parent = nullptr);

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] QString uscc() const { return m_uscc; }
    void setUscc(const QString &uscc);
    [[nodiscard]] QString name() const { return m_name; }
    void setName(const QString &name);
    [[nodiscard]] QString region() const { return m_region; }
    void setRegion(const QString &region);
    [[nodiscard]] QString industryCode() const { return m_industryCode; }
    void setIndustryCode(const QString &code);
    [[nodiscard]] bool aboveSize() const { return m_aboveSize; }
    void setAboveSize(bool aboveSize);
    [[nodiscard]] bool regionFixed() const;
    [[nodiscard]] QVariantList regions() const;
    [[nodiscard]] QVariantMap errors() const { return m_errors; }
    [[nodiscard]] bool isValid() const { return m_allErrors.isEmpty(); }
    [[nodiscard]] QVariantMap labels() const;
    [[nodiscard]] QString error() const { return m_error; }

    /** Stores the enterprise (id = USCC); returns the USCC, or "" when invalid or it exists. */
    Q_INVOKABLE QString create();

signals:
    void sessionChanged();
    void changed();

private:
    void touch(const QString &field);
    void validate();

    QPointer<Session> m_session;
    QString m_uscc;
    QString m_name;
    QString m_region;
    QString m_industryCode;
    bool m_aboveSize = true;
    QStringList m_touched;
    QVariantMap m_allErrors;
    QVariantMap m_errors;
    QString m_error;
};

} // namespace gx
