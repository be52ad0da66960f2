#include "app/formupdatenotice.h"

#include "app/logging.h"
#include "core/formchanges.h"
#include "store/devicestore.h"

using namespace Qt::StringLiterals;

namespace gx {

namespace {

/** The names of a list, joined as the UI's language writes a list, at most kMaxNames of them. */
QString nameList(QStringList names, Language language)
{
    names.removeDuplicates();
    const qsizetype all = names.size();
    if (all > FormUpdateNotice::kMaxNames)
        names = names.mid(0, FormUpdateNotice::kMaxNames);
    QString joined = names.join(language == Language::Zh ? u"、"_s : u", "_s);
    if (all > names.size())
        joined = FormUpdateNotice::tr("%1 and %n more", "", int(all - names.size())).arg(joined);
    return joined;
}

const SectionDefinition *sectionOf(const EntityDefinition &entity, const QString &id)
{
    for (const SectionDefinition &section : entity.sections) {
        if (section.id == id)
            return &section;
    }
    return nullptr;
}

/** "Field: option" for each option of `to`'s field that `from`'s lacks. */
QStringList newOptions(const FieldDefinition *was, const FieldDefinition &field, Language language)
{
    QStringList out;
    for (const ChoiceOption &option : field.options) {
        if (!was || !was->option(option.value))
            out.append(field.label.text(language) + (language == Language::Zh ? u"："_s : u": "_s) +
                       option.label.text(language));
    }
    return out;
}

} // namespace

FormUpdateNotice::FormUpdateNotice(QObject *parent)
    : QObject(parent)
{}

void FormUpdateNotice::setSession(Session *session)
{
    if (!rebindSession(m_session, session, this,
                       {&Session::sessionChanged, &Session::formChanged, &Session::languageChanged},
                       &FormUpdateNotice::refresh))
        return;
    emit sessionChanged();
    refresh();
}

QString FormUpdateNotice::describe(const FormDefinition &from, const FormDefinition &to,
                                   Language language, Audience audience)
{
    QStringList added;
    QStringList changed;
    qsizetype untold = 0; ///< changes this audience is not told of
    const auto changes = compareForms(from, to);
    if (changes) {
        for (const FormChange &change : changes.value()) {
            const EntityDefinition *entity = to.entity(change.entity);
            const EntityDefinition *before = from.entity(change.entity);
            if (audience == Audience::SurveyOnly &&
                ((entity && entity->isCityWide()) || (before && before->isCityWide()))) {
                ++untold;
                continue;
            }
            const FieldDefinition *field = entity ? entity->field(change.field) : nullptr;
            const SectionDefinition *section = entity ? sectionOf(*entity, change.field) : nullptr;
            switch (change.kind) {
            case FormChange::Kind::EntityAdded:
                if (entity)
                    added.append(entity->label.text(language));
                break;
            case FormChange::Kind::FieldAdded:
                if (field)
                    added.append(field->label.text(language));
                break;
            case FormChange::Kind::OptionAdded:
                if (field) {
                    added.append(newOptions(before ? before->field(change.field) : nullptr, *field,
                                            language));
                }
                break;
            case FormChange::Kind::SectionAdded:
                if (section)
                    added.append(section->label.text(language));
                break;
            case FormChange::Kind::FieldChanged:
                if (field)
                    changed.append(field->label.text(language));
                break;
            case FormChange::Kind::SectionChanged: {
                // Only a new name is news: the fields it shows are listed as added ones.
                const SectionDefinition *was = before ? sectionOf(*before, change.field) : nullptr;
                if (section && was &&
                    !(was->label.zh == section->label.zh && was->label.en == section->label.en))
                    changed.append(section->label.text(language));
                break;
            }
            case FormChange::Kind::EntityChanged:
                if (entity)
                    changed.append(entity->label.text(language));
                break;
            case FormChange::Kind::RuleAdded:
            case FormChange::Kind::RuleChanged:
            case FormChange::Kind::RuleRemoved:
                changed.append(tr("checks"));
                break;
            case FormChange::Kind::TitleChanged:
                changed.append(tr("title"));
                break;
            }
        }
    } else {
        qCWarning(lcApp) << "version" << to.version() << "does not follow version" << from.version()
                         << ":" << changes.error().reason;
    }
    QStringList parts;
    if (!added.isEmpty())
        parts.append(tr("new %1").arg(nameList(added, language)));
    if (!changed.isEmpty())
        parts.append(tr("changed %1").arg(nameList(changed, language)));
    if (parts.isEmpty() && untold > 0)
        return {}; // all of it is the catalogue's, which this audience reads but does not fill
    if (parts.isEmpty())
        return tr("The survey was updated to version %1.").arg(to.version());
    return tr("The survey was updated to version %1: %2")
        .arg(QString::number(to.version()), parts.join(tr("; ")));
}

void FormUpdateNotice::refresh()
{
    int version = 0;
    QString text;
    DeviceStore *store = m_session ? m_session->store() : nullptr;
    if (store) {
        const auto noticed = store->forms().noticedVersion();
        const int current = m_session->formVersion();
        if (!noticed) {
            qCWarning(lcApp) << "the announced survey version cannot be read:"
                             << noticed.error().message;
        } else if (current > noticed.value()) {
            const FormDefinition *known = m_session->formOfVersion(noticed.value());
            // A version the store does not keep (it never should): compare with the bundled one.
            if (!known)
                known = m_session->formOfVersion(1);
            const Audience audience = Session::mayEditCatalogue(m_session->role())
                                          ? Audience::Everyone
                                          : Audience::SurveyOnly;
            text = known ? describe(*known, m_session->form(), m_session->uiLanguage(), audience)
                         : tr("The survey was updated to version %1.").arg(current);
            // Empty: only the catalogue changed, which this user reads but does not fill.
            version = text.isEmpty() ? 0 : current;
        }
    }
    if (version == m_version && text == m_text)
        return;
    m_version = version;
    m_text = text;
    emit changed();
}

void FormUpdateNotice::dismiss()
{
    DeviceStore *store = m_session ? m_session->store() : nullptr;
    if (!store || m_version == 0)
        return;
    if (auto done = store->forms().setNoticedVersion(m_version); !done) {
        qCWarning(lcApp) << "the announced survey version cannot be kept:" << done.error().message;
        return;
    }
    m_version = 0;
    m_text.clear();
    emit changed();
}

} // namespace gx
