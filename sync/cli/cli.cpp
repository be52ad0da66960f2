#include "sync/cli/cli.h"

#include "sync/api/auditapi.h"
#include "sync/api/server.h"
#include "sync/cli/logging.h"
#include "sync/cli/serverassets.h"
#include "sync/cli/signalwatcher.h"
#include "sync/demo/demo.h"
#include "sync/figures/coverageexport.h"
#include "sync/figures/officialfigures.h"
#include "sync/figures/registryimport.h"
#include "sync/http/tlsidentity.h"
#include "sync/records/catalogueform.h"
#include "sync/records/serverschema.h"
#include "sync/records/targetstore.h"
#include "sync/store/auditlog.h"
#include "sync/store/database.h"
#include "sync/store/userstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QRegularExpression>

#include <csignal>
#include <optional>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

qint64 wallClock()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/** A --listen HOST:PORT: "127.0.0.1:8080", "[::1]:0", "0.0.0.0:8443", "localhost:8080". */
struct ListenAddress
{
    QString host; ///< as written, IPv6 in brackets
    QHostAddress address;
    quint16 port = 0;
};

Result<ListenAddress, UsageError> parseListen(const QString &text)
{
    static const QRegularExpression pattern(u"^(\\[[0-9A-Fa-f:.]+\\]|[^:\\[\\]]+):(\\d{1,5})$"_s);
    const auto match = pattern.match(text);
    const UsageError bad{u"--listen takes HOST:PORT (e.g. 127.0.0.1:8080, [::1]:8080, "
                         "0.0.0.0:8080), got '%1'"_s.arg(text)};
    if (!match.hasMatch())
        return bad;
    ListenAddress out;
    out.host = match.captured(1);
    const int port = match.captured(2).toInt();
    if (port > 65535)
        return UsageError{u"--listen: the port %1 is above 65535"_s.arg(port)};
    out.port = quint16(port);
    QString host = out.host;
    if (host.startsWith(u'['))
        host = host.mid(1, host.size() - 2);
    if (host == "localhost"_L1)
        out.address = QHostAddress(QHostAddress::LocalHost);
    else if (!out.address.setAddress(host))
        return UsageError{u"--listen: '%1' is not an IP address"_s.arg(host)};
    return out;
}

} // namespace

Cli::Cli(QTextStream &out, QTextStream &err, QIODevice &in)
    : m_out(out)
    , m_err(err)
    , m_in(in)
{}

const QList<Cli::Command> &Cli::commands()
{
    const OptionSpec db{u"db"_s, true};
    const OptionSpec assets{u"assets"_s, true};
    const OptionSpec passwordStdin{u"password-stdin"_s, false};
    static const QList<Command> list{
        {{u"serve"_s},
         {db,
          {u"listen"_s, true},
          assets,
          {u"token-days"_s, true},
          {u"tls-cert"_s, true},
          {u"tls-key"_s, true},
          {u"read-threads"_s, true}},
         {u"db"_s, u"listen"_s},
         0,
         u"serve --db URL --listen HOST:PORT [--assets DIR] [--token-days N] "
         "[--tls-cert FILE.pem --tls-key FILE.pem] [--read-threads N]"_s,
         &Cli::runServe},
        {{u"user"_s, u"add"_s},
         {db,
          assets,
          passwordStdin,
          {u"role"_s, true},
          {u"region"_s, true},
          {u"enterprise"_s, true}},
         {u"db"_s, u"role"_s, u"password-stdin"_s},
         1,
         u"user add NAME --role inspector|enterprise|office|admin [--region CODE] "
         "[--enterprise USCC] --password-stdin --db URL"_s,
         &Cli::runUserAdd},
        {{u"user"_s, u"list"_s},
         {db, assets},
         {u"db"_s},
         0,
         u"user list --db URL [--assets DIR]"_s,
         &Cli::runUserList},
        {{u"user"_s, u"disable"_s},
         {db, assets},
         {u"db"_s},
         1,
         u"user disable NAME --db URL [--assets DIR]"_s,
         [](Cli &cli, const CommandLine &line) {
             return cli.runUserSetDisabled(line, true);
         }},
        {{u"user"_s, u"enable"_s},
         {db, assets},
         {u"db"_s},
         1,
         u"user enable NAME --db URL [--assets DIR]"_s,
         [](Cli &cli, const CommandLine &line) {
             return cli.runUserSetDisabled(line, false);
         }},
        {{u"user"_s, u"reset-password"_s},
         {db, assets, passwordStdin},
         {u"db"_s, u"password-stdin"_s},
         1,
         u"user reset-password NAME --password-stdin --db URL [--assets DIR]"_s,
         &Cli::runUserResetPassword},
        {{u"registry"_s, u"import"_s},
         {db, assets},
         {u"db"_s},
         1,
         u"registry import FILE.csv|FILE.xlsx --db URL [--assets DIR]"_s,
         &Cli::runRegistryImport},
        {{u"demo"_s},
         {db, assets, {u"seed"_s, true}, {u"enterprises"_s, true}},
         {u"db"_s},
         0,
         u"demo --db URL [--seed N] [--enterprises N (default 300)] [--assets DIR]"_s,
         &Cli::runDemo},
        {{u"official"_s, u"import"_s},
         {db, assets},
         {u"db"_s},
         1,
         u"official import FILE.csv --db URL [--assets DIR]"_s,
         &Cli::runOfficialImport},
        {{u"targets"_s, u"import"_s},
         {db, assets, {u"period"_s, true}},
         {u"db"_s, u"period"_s},
         1,
         u"targets import FILE.csv --period YEAR --db URL [--assets DIR]"_s,
         &Cli::runTargetsImport},
        {{u"export"_s},
         {db, assets, {u"period"_s, true}, {u"format"_s, true}, {u"out"_s, true}},
         {u"db"_s, u"period"_s, u"format"_s, u"out"_s},
         0,
         u"export --db URL --period YEAR --format csv|xlsx --out FILE [--assets DIR]"_s,
         &Cli::runExport},
        {{u"form"_s, u"publish"_s},
         {db, assets, {u"dry-run"_s, false}},
         {u"db"_s},
         1,
         u"form publish FILE.json [--dry-run] --db URL [--assets DIR]"_s,
         &Cli::runFormPublish},
        {{u"form"_s, u"list"_s},
         {db, assets},
         {u"db"_s},
         0,
         u"form list --db URL [--assets DIR]"_s,
         &Cli::runFormList},
        {{u"audit"_s, u"list"_s},
         {db, assets, {u"limit"_s, true}, {u"action"_s, true}},
         {u"db"_s},
         0,
         u"audit list --db URL [--limit N (default 100)] [--action NAME] [--assets DIR]"_s,
         &Cli::runAuditList},
    };
    return list;
}

QString Cli::usage()
{
    QString text = u"usage:\n"_s;
    for (const Command &command : commands())
        text += u"  gengxin-server "_s + command.usage + u'\n';
    text += u"  gengxin-server help\n"
            "URL is sqlite:PATH or postgres://USER:PASS@HOST:PORT/DB; --assets defaults to "
            "$GX_ASSETS_DIR, else the build's assets/.\n"
            "Passwords are read from one line of standard input (--password-stdin).\n"_s;
    return text;
}

int Cli::usageError(const QString &message)
{
    m_err << "gengxin-server: " << message << '\n' << usage();
    m_err.flush();
    return kExitUsage;
}

int Cli::fail(const QString &message)
{
    m_err << "gengxin-server: " << message << Qt::endl;
    return kExitFailure;
}

int Cli::run(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return usageError(u"no command given"_s);
    const QString &first = arguments.constFirst();
    if (first == "help"_L1 || first == "--help"_L1 || first == "-h"_L1) {
        m_out << usage();
        m_out.flush();
        return kExitOk;
    }
    for (const Command &command : commands()) {
        if (arguments.size() < command.words.size() ||
            arguments.mid(0, command.words.size()) != command.words)
            continue;
        auto line = CommandLine::parse(arguments.mid(command.words.size()), command.options);
        if (!line)
            return usageError(command.words.join(u' ') + u": "_s + line.error().message);
        for (const QString &option : command.required) {
            if (!line.value().has(option))
                return usageError(u"%1 needs --%2"_s.arg(command.words.join(u' '), option));
        }
        if (line.value().positional().size() != command.positionals) {
            return usageError(u"%1 takes %2 argument(s) besides its options: %3"_s.arg(
                command.words.join(u' '), QString::number(command.positionals), command.usage));
        }
        return command.run(*this, line.value());
    }
    return usageError(u"unknown command '%1'"_s.arg(arguments.mid(0, 2).join(u' ')));
}

std::optional<QString> Cli::readPassword()
{
    if (!m_in.isOpen() || !m_in.isReadable())
        return std::nullopt;
    QByteArray line = m_in.readLine(64 * 1024);
    if (line.isEmpty())
        return std::nullopt;
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

namespace {

/**
 * Opens and migrates the --db database, or says why it cannot; a new store's targets come from
 * `regions`.
 */
Result<std::unique_ptr<Database>, DbError>
openStore(const QString &url, const RegionCatalog &regions, const FormDefinition &form)
{
    auto db = Database::open(url);
    if (!db)
        return db.error();
    auto migrated = ServerSchema::apply(*db.value(), wallClock(), regions, form);
    if (!migrated)
        return migrated.error();
    return std::move(db).value();
}

QString describeUser(const User &user)
{
    QString text = u"%1 (%2"_s.arg(user.username, roleName(user.role));
    if (!user.region.isEmpty())
        text += u", region "_s + user.region;
    if (!user.enterprise.isEmpty())
        text += u", enterprise "_s + user.enterprise;
    return text + (user.disabled ? u", disabled)"_s : u")"_s);
}

} // namespace

std::optional<Cli::Workspace> Cli::openWorkspace(const CommandLine &line, Needs needs)
{
    // The regions and the definition first: migrating a new store seeds its targets from the
    // regions, and finds the blobs that records name by the definition's photo fields.
    const QString assetsDir = ServerAssets::resolveDir(line.value(u"assets"_s));
    auto regions = ServerAssets::loadRegions(assetsDir);
    if (!regions) {
        fail(u"cannot load the regions: "_s + regions.error().toString());
        return std::nullopt;
    }
    auto form = ServerAssets::loadFirstForm(assetsDir);
    if (!form) {
        fail(u"cannot load the survey definition: "_s + form.error().toString());
        return std::nullopt;
    }
    auto db = openStore(line.value(u"db"_s), regions.value(), form.value());
    if (!db) {
        fail(db.error().message);
        return std::nullopt;
    }
    Workspace workspace{std::move(db).value(), std::move(regions).value(), {}};
    if (needs == Needs::Form) {
        auto forms = FormVersions::load(*workspace.db);
        if (!forms) {
            fail(u"cannot read the survey definition's versions: "_s + forms.error().message);
            return std::nullopt;
        }
        workspace.forms = std::move(forms).value();
    }
    return workspace;
}

std::optional<QByteArray> Cli::readInputFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(u"cannot read %1: %2"_s.arg(path, file.errorString()));
        return std::nullopt;
    }
    return file.readAll();
}

int Cli::runServe(const CommandLine &line)
{
    auto listen = parseListen(line.value(u"listen"_s));
    if (!listen)
        return usageError(listen.error().message);
    ServerConfig config;
    if (line.has(u"token-days"_s)) {
        bool ok = false;
        const int days = line.value(u"token-days"_s).toInt(&ok);
        if (!ok || days < 1 || days > 3650)
            return usageError(u"--token-days takes a number of days from 1 to 3650"_s);
        config.auth.tokenDays = days;
    }
    if (line.has(u"read-threads"_s)) {
        bool ok = false;
        const int threads = line.value(u"read-threads"_s).toInt(&ok);
        if (!ok || threads < 0 || threads > 64)
            return usageError(u"--read-threads takes a number of threads from 0 to 64 (0: reads "
                              "on the writer's thread)"_s);
        config.readThreads = threads;
    }
    std::optional<TlsIdentity> tls;
    if (line.has(u"tls-cert"_s) != line.has(u"tls-key"_s)) {
        return usageError(line.has(u"tls-cert"_s)
                              ? u"--tls-cert needs --tls-key too (give both or neither)"_s
                              : u"--tls-key needs --tls-cert too (give both or neither)"_s);
    }
    if (line.has(u"tls-cert"_s)) {
        auto identity = TlsIdentity::load(line.value(u"tls-cert"_s), line.value(u"tls-key"_s));
        if (!identity && identity.error().source == TlsError::Source::Backend)
            return fail(u"--tls-cert: "_s + identity.error().message);
        if (!identity) {
            const bool key = identity.error().source == TlsError::Source::Key;
            return usageError((key ? u"--tls-key: "_s : u"--tls-cert: "_s) +
                              identity.error().message);
        }
        tls = std::move(identity).value();
    }
    auto ws = openWorkspace(line, Needs::Form);
    if (!ws)
        return kExitFailure;

    Server server(*ws->db, std::move(*ws->forms), std::move(ws->regions), config);
    auto port = server.listen(listen.value().address, listen.value().port,
                              tls ? std::optional(tls->serverConfiguration()) : std::nullopt);
    if (!port)
        return fail(port.error());

    SignalWatcher signalWatcher({SIGTERM, SIGINT});
    int stoppedBy = 0;
    QObject::connect(&signalWatcher, &SignalWatcher::received, QCoreApplication::instance(),
                     [&stoppedBy](int signalNumber) {
                         stoppedBy = signalNumber;
                         QCoreApplication::quit();
                     });
    if (tls) {
        const QDateTime expiry = tls->certificate().expiryDate().toUTC();
        qCInfo(lcCli, "TLS on (HTTPS only, TLS 1.2 or later): certificate %s, expires %s",
               qUtf8Printable(tls->subject()), qUtf8Printable(expiry.toString(Qt::ISODate)));
        if (expiry < QDateTime::currentDateTimeUtc())
            qCWarning(lcCli, "the TLS certificate has expired: clients will refuse it");
    }
    m_out << "listening on " << listen.value().host << ':' << port.value() << Qt::endl;
    qCInfo(lcCli, "serving %s on %s:%d (form %s v%d, %d read threads)",
           qUtf8Printable(ws->db->url().redacted()), qUtf8Printable(listen.value().host),
           int(port.value()), qUtf8Printable(server.context().forms.current().id()),
           server.context().forms.current().version(), config.readThreads);
    const int status = QCoreApplication::exec();
    qCInfo(lcCli, "stopped (signal %d)", stoppedBy);
    return status == 0 ? kExitOk : kExitFailure;
}

int Cli::runUserAdd(const CommandLine &line)
{
    const auto role = roleFromName(line.value(u"role"_s));
    if (!role)
        return usageError(u"--role takes inspector, enterprise, office or admin, not '%1'"_s.arg(
            line.value(u"role"_s)));
    auto ws = openWorkspace(line, Needs::Regions);
    if (!ws)
        return kExitFailure;
    const auto password = readPassword();
    if (!password)
        return fail(u"no password on standard input (--password-stdin reads one line)"_s);
    UserStore users(*ws->db, ws->regions);
    const NewUser user{line.positional().constFirst(), *role, line.value(u"region"_s),
                       line.value(u"enterprise"_s), *password};
    auto added = users.add(user, AuditLog::commandLineActor(), wallClock());
    if (!added)
        return fail(u"user add: "_s + added.error().message);
    m_out << "added user " << describeUser(added.value()) << Qt::endl;
    return kExitOk;
}

int Cli::runUserList(const CommandLine &line)
{
    auto ws = openWorkspace(line, Needs::Store);
    if (!ws)
        return kExitFailure;
    auto users = UserStore(*ws->db, RegionCatalog()).list();
    if (!users)
        return fail(users.error().message);
    m_out << u"%1 %2 %3 %4 %5\n"_s.arg(u"username"_s, -24)
                 .arg(u"role"_s, -10)
                 .arg(u"region"_s, -10)
                 .arg(u"enterprise"_s, -18)
                 .arg(u"status"_s);
    for (const User &user : users.value()) {
        m_out << u"%1 %2 %3 %4 %5\n"_s.arg(user.username, -24)
                     .arg(roleName(user.role), -10)
                     .arg(user.region.isEmpty() ? u"-"_s : user.region, -10)
                     .arg(user.enterprise.isEmpty() ? u"-"_s : user.enterprise, -18)
                     .arg(user.disabled ? u"disabled"_s : u"active"_s);
    }
    m_out.flush();
    return kExitOk;
}

int Cli::runUserSetDisabled(const CommandLine &line, bool disabled)
{
    auto ws = openWorkspace(line, Needs::Store);
    if (!ws)
        return kExitFailure;
    UserStore users(*ws->db, RegionCatalog());
    auto changed = users.setDisabled(line.positional().constFirst(), disabled,
                                     AuditLog::commandLineActor(), wallClock());
    if (!changed)
        return fail(changed.error().message);
    m_out << (disabled ? "disabled user " : "enabled user ") << describeUser(changed.value())
          << Qt::endl;
    return kExitOk;
}

int Cli::runUserResetPassword(const CommandLine &line)
{
    auto ws = openWorkspace(line, Needs::Store);
    if (!ws)
        return kExitFailure;
    const auto password = readPassword();
    if (!password)
        return fail(u"no password on standard input (--password-stdin reads one line)"_s);
    UserStore users(*ws->db, RegionCatalog());
    auto changed = users.resetPassword(line.positional().constFirst(), *password,
                                       AuditLog::commandLineActor(), wallClock());
    if (!changed)
        return fail(u"user reset-password: "_s + changed.error().message);
    m_out << "reset the password of " << describeUser(changed.value()) << "; its tokens are revoked"
          << Qt::endl;
    return kExitOk;
}

int Cli::runRegistryImport(const CommandLine &line)
{
    auto ws = openWorkspace(line, Needs::Regions);
    if (!ws)
        return kExitFailure;
    const QString path = line.positional().constFirst();
    const std::optional<QByteArray> bytes = readInputFile(path);
    if (!bytes)
        return kExitFailure;
    const RegistryFile parsed = RegistryImport::parse(*bytes, ws->regions);
    if (!parsed.ok()) {
        for (const RegistryLineError &error : parsed.errors) {
            m_err << path << ':' << error.line << ": "
                  << (error.field.isEmpty() ? QString() : error.field + u": "_s) << error.message
                  << '\n';
        }
        return fail(u"registry import: %1 bad line(s) in %2; nothing was imported"_s.arg(
            QString::number(parsed.badLines()), path));
    }
    auto summary = RegistryImport::apply(*ws->db, parsed.rows, AuditLog::commandLineActor(),
                                         QFileInfo(path).fileName(), wallClock());
    if (!summary)
        return fail(u"registry import failed, nothing was imported: "_s + summary.error().message);
    const RegistryImportSummary &s = summary.value();
    m_out << u"registry import: %1 rows from %2: %3 new, %4 updated, %5 unchanged; "
             "%6 enterprise records written"_s.arg(
                 QString::number(s.rows), path, QString::number(s.added),
                 QString::number(s.updated), QString::number(s.unchanged),
                 QString::number(s.enterpriseRecords))
          << Qt::endl;
    return kExitOk;
}

int Cli::runDemo(const CommandLine &line)
{
    DemoOptions options;
    bool ok = true;
    if (line.has(u"seed"_s))
        options.seed = line.value(u"seed"_s).toULongLong(&ok);
    if (!ok)
        return usageError(u"--seed takes a whole number"_s);
    if (line.has(u"enterprises"_s))
        options.enterprises = line.value(u"enterprises"_s).toInt(&ok);
    if (!ok || options.enterprises < DemoOptions::kMinEnterprises ||
        options.enterprises > DemoOptions::kMaxEnterprises) {
        return usageError(
            u"--enterprises takes a number from %1 to %2"_s.arg(DemoOptions::kMinEnterprises)
                .arg(DemoOptions::kMaxEnterprises));
    }
    auto ws = openWorkspace(line, Needs::Form);
    if (!ws)
        return kExitFailure;
    // The demo's second version of the survey, when the assets have one.
    QFile next(ServerAssets::resolveDir(line.value(u"assets"_s)) + u"/forms/survey.v2.json"_s);
    if (next.exists()) {
        if (!next.open(QIODevice::ReadOnly))
            return fail(u"cannot read %1: %2"_s.arg(next.fileName(), next.errorString()));
        options.nextVersion = next.readAll();
    }
    auto catalogue = ServerAssets::loadCatalogue(ServerAssets::resolveDir(line.value(u"assets"_s)));
    if (!catalogue)
        return fail(u"cannot read the catalogue definition: "_s + catalogue.error().toString());
    options.catalogue = catalogue.value();
    for (const QString &entity : {u"provider"_s, u"product"_s, u"case"_s}) {
        QFile list(ServerAssets::resolveDir(line.value(u"assets"_s)) + u"/demo/catalogue-"_s +
                   entity + u".csv"_s);
        if (list.open(QIODevice::ReadOnly))
            options.catalogueLists.insert(entity, list.readAll());
    }
    QElapsedTimer timer;
    timer.start();
    auto summary = Demo(*ws->db, ws->forms->current(), ws->regions)
                       .run(options, AuditLog::commandLineActor(), wallClock());
    if (!summary)
        return fail(u"demo: "_s + summary.error().message);
    QStringList counts;
    for (auto it = summary.value().records.cbegin(); it != summary.value().records.cend(); ++it)
        counts.append(u"%1 %2"_s.arg(it.key()).arg(it.value()));
    m_out << u"demo: seed %1, period %2: registry %3, records: %4; official figures %5; "
             "%6 ms"_s.arg(QString::number(options.seed), QString::number(options.period),
                           QString::number(summary.value().registry), counts.join(u", "_s),
                           QString::number(summary.value().official),
                           QString::number(timer.elapsed()))
          << '\n';
    if (summary.value().formVersion > 1) {
        m_out << u"demo: survey definition version %1 published (%2), %3 submitted survey(s) "
                 "edited on it; drafts stay on version 1"_s.arg(
                     QString::number(summary.value().formVersion), next.fileName(),
                     QString::number(summary.value().onNextVersion))
              << '\n';
    }
    if (summary.value().catalogueVersion > 0) {
        m_out << u"demo: survey definition version %1 published: the catalogue (provider, "
                 "product, case)"_s.arg(QString::number(summary.value().catalogueVersion))
              << '\n';
    }
    for (const DemoUser &user : summary.value().users)
        m_out << "user " << user.username << ' ' << roleName(user.role) << ' ' << user.password
              << '\n';
    m_out.flush();
    return kExitOk;
}

int Cli::runOfficialImport(const CommandLine &line)
{
    auto ws = openWorkspace(line, Needs::Regions);
    if (!ws)
        return kExitFailure;
    const QString path = line.positional().constFirst();
    const std::optional<QByteArray> bytes = readInputFile(path);
    if (!bytes)
        return kExitFailure;
    const OfficialFigureFile parsed = OfficialFigures::parseCsv(*bytes, ws->regions);
    if (!parsed.ok()) {
        for (const OfficialFigureLineError &error : parsed.errors)
            m_err << path << ':' << error.line << ": " << error.message << '\n';
        return fail(u"official import: %1 bad line(s) in %2; nothing was imported"_s.arg(
            QString::number(parsed.errors.size()), path));
    }
    auto imported = OfficialFigures::import(*ws->db, parsed.rows, AuditLog::commandLineActor(),
                                            QFileInfo(path).fileName(), wallClock());
    if (!imported)
        return fail(u"official import failed, nothing was imported: "_s + imported.error().message);
    m_out << u"official import: %1 figure(s) from %2 entered"_s.arg(
                 QString::number(imported.value()), path)
          << Qt::endl;
    return kExitOk;
}

int Cli::runTargetsImport(const CommandLine &line)
{
    bool ok = false;
    const int period = line.value(u"period"_s).toInt(&ok);
    if (!ok || period < OfficialFigures::kMinPeriod || period > OfficialFigures::kMaxPeriod)
        return usageError(u"--period takes a year from %1 to %2"_s.arg(OfficialFigures::kMinPeriod)
                              .arg(OfficialFigures::kMaxPeriod));
    auto ws = openWorkspace(line, Needs::Regions);
    if (!ws)
        return kExitFailure;
    const QString path = line.positional().constFirst();
    const std::optional<QByteArray> bytes = readInputFile(path);
    if (!bytes)
        return kExitFailure;
    auto parsed = TargetStore::parseCsv(*bytes, ws->regions);
    if (!parsed) {
        for (const TargetProblem &problem : parsed.error())
            m_err << path << ": " << problem.field << ": " << problem.message << '\n';
        return fail(u"targets import: %1 problem(s) in %2; nothing was imported"_s.arg(
            QString::number(parsed.error().size()), path));
    }
    auto applied = TargetStore(*ws->db).apply(period, parsed.value(), AuditLog::commandLineActor(),
                                              AuditAction::TargetsImported,
                                              QFileInfo(path).fileName(), wallClock());
    if (!applied)
        return fail(u"targets import failed, nothing was imported: "_s + applied.error().message);
    m_out << u"targets import: %1 target(s) of %2 in %3, %4 changed"_s.arg(
                 QString::number(parsed.value().size()), QString::number(period), path,
                 QString::number(applied.value()))
          << Qt::endl;
    return kExitOk;
}

int Cli::runExport(const CommandLine &line)
{
    bool ok = false;
    const int period = line.value(u"period"_s).toInt(&ok);
    if (!ok || period < OfficialFigures::kMinPeriod || period > OfficialFigures::kMaxPeriod)
        return usageError(u"--period takes a year from %1 to %2"_s.arg(OfficialFigures::kMinPeriod)
                              .arg(OfficialFigures::kMaxPeriod));
    const auto format = CoverageExport::formatFromName(line.value(u"format"_s));
    if (!format)
        return usageError(u"--format takes csv or xlsx"_s);
    auto ws = openWorkspace(line, Needs::Form);
    if (!ws)
        return kExitFailure;
    auto file = CoverageExport::make(*ws->db, ws->regions, ws->forms->current(), period, *format);
    if (!file)
        return fail(u"export: "_s + file.error().message);
    const QString path = line.value(u"out"_s);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        out.write(file.value().bytes) != file.value().bytes.size() || !out.flush())
        return fail(u"cannot write %1: %2"_s.arg(path, out.errorString()));
    out.close();
    auto audited = AuditLog::record(*ws->db, wallClock(), AuditLog::commandLineActor(),
                                    AuditAction::CoverageExported,
                                    {{u"period"_s, period},
                                     {u"format"_s, line.value(u"format"_s)},
                                     {u"file"_s, QFileInfo(path).fileName()}});
    if (!audited)
        return fail(u"export written, but the audit log failed: "_s + audited.error().message);
    m_out << u"export: coverage %1 written to %2 (%3 bytes)"_s.arg(
                 QString::number(period), path, QString::number(file.value().bytes.size()))
          << Qt::endl;
    return kExitOk;
}

int Cli::runAuditList(const CommandLine &line)
{
    int limit = 100;
    if (line.has(u"limit"_s)) {
        bool ok = false;
        limit = line.value(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > 100000)
            return usageError(u"--limit takes a number from 1 to 100000"_s);
    }
    auto ws = openWorkspace(line, Needs::Store);
    if (!ws)
        return kExitFailure;
    auto entries = AuditLog::recent(*ws->db, limit, line.value(u"action"_s));
    if (!entries)
        return fail(entries.error().message);
    // One line per entry, newest first: time, actor, action and the details as compact JSON.
    for (const AuditEntry &entry : entries.value()) {
        const QJsonObject json = AuditApi::entryJson(entry);
        m_out << json.value("at"_L1).toString() << ' ' << entry.actor << ' ' << entry.action << ' '
              << QJsonDocument(entry.detail).toJson(QJsonDocument::Compact) << '\n';
    }
    m_out.flush();
    return kExitOk;
}

} // namespace gx::server
