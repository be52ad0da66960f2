#pragma once

#include "app/session.h"
#include "core/formdefinition.h"
#include "core/localizedtext.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * The notice that the survey changed: after a sync (or a login) brings a version of the survey
 * definition newer than the one the user was last told of (FormVersionStore::noticedVersion()),
 * `shown` is true and `text` says, in the UI's language, which version is current and what it
 * adds or changes against the one the user knew ("调查表已更新到第2版：新增 数字化负责人"),
 * from core's compareForms() between the two. dismiss() remembers the current version in the
 * store, so the notice is shown once per new version, also across restarts until dismissed.
 *
 * The catalogue's city-wide entities (provider, product, case: "scope": "city") are news only to
 * those who edit them (office, admin): to an inspector or an enterprise user, who read the
 * catalogue only, a version whose changes are all in those entities is not announced at all, and
 * a version that also changes the survey names only the survey's changes.
 */
class FormUpdateNotice : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(bool shown READ isShown NOTIFY changed)
    Q_PROPERTY(QString text READ text NOTIFY changed)
    /** The version announced (the current one), 0 while nothing is shown. */
    Q_PROPERTY(int version READ version NOTIFY changed)

public:
    /** The most names the text lists; more are counted ("等 12 项"). */
    static constexpr int kMaxNames = 8;

    explicit FormUpdateNotice(QObject *parent = nullptr);

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);

    [[nodiscard]] bool isShown() const { return m_version > 0; }
    [[nodiscard]] const QString &text() const { return m_text; }
    [[nodiscard]] int version() const { return m_version; }

    /** The user has read it: not shown again for this version. */
    Q_INVOKABLE void dismiss();

    /** Whose notice it is: whether the changes of city-wide entities are news to them. */
    enum class Audience
    {
        Everyone,   ///< office and admin: every change, the catalogue's too
        SurveyOnly, ///< inspectors and enterprise users: the catalogue's changes left out
    };

    /**
     * What `to` adds and changes against `from`, as the notice says it: "The survey was updated
     * to version N: new A, B; changed C" (translated), names in `language`. Empty when every
     * change is one `audience` is not told of (the catalogue's, to SurveyOnly): nothing to say.
     */
    [[nodiscard]] static QString describe(const FormDefinition &from, const FormDefinition &to,
                                          Language language,
                                          Audience audience = Audience::Everyone);

signals:
    void sessionChanged();
    void changed();

private:
    void refresh();

    QPointer<Session> m_session;
    QString m_text;
    int m_version = 0;
};

} // namespace gx
