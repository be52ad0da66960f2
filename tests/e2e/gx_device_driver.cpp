// gx_device_driver: a device (the real store and sync client) driven by a script, for the kill
// tests. See devicedriver.h for the commands.
//
//   gx_device_driver --store PATH --device ID --server URL [--batch N] [--page N] [--chunk N]
//                    [COMMAND ...]
// Commands come from the arguments after the options, else one per line from standard input.
// Exit status: 0 when every command succeeded, 1 when one failed, 2 on a usage error.

#include "devicedriver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Drives one device store and sync client from a script."_s);
    const QCommandLineOption store(u"store"_s, u"The device store's file."_s, u"PATH"_s);
    const QCommandLineOption device(u"device"_s, u"The device id."_s, u"ID"_s);
    const QCommandLineOption server(u"server"_s, u"The server's base URL."_s, u"URL"_s);
    const QCommandLineOption batch(u"batch"_s, u"Mutations per push."_s, u"N"_s, u"50"_s);
    const QCommandLineOption page(u"page"_s, u"Changes per pull page."_s, u"N"_s, u"200"_s);
    const QCommandLineOption chunk(u"chunk"_s, u"Bytes per upload chunk."_s, u"N"_s, u"65536"_s);
    parser.addOptions({store, device, server, batch, page, chunk});
    parser.addHelpOption();
    parser.process(app);
    if (!parser.isSet(store) || !parser.isSet(device) || !parser.isSet(server)) {
        std::fputs("gx_device_driver: --store, --device and --server are required\n", stderr);
        return 2;
    }

    gx::SyncOptions options = gx::e2e::fastSyncOptions();
    options.pushBatchSize = parser.value(batch).toInt();
    options.pullPageSize = parser.value(page).toInt();
    options.uploadChunkBytes = parser.value(chunk).toLongLong();

    QFile stdoutFile;
    if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
        return 2;
    QTextStream out(&stdoutFile);
    gx::e2e::DeviceDriver driver(out, parser.value(store), parser.value(device),
                                 QUrl(parser.value(server)), options);
    if (!driver.error().isEmpty()) {
        out << "error " << driver.error() << '\n';
        out.flush();
        return 1;
    }
    bool ok = true;
    const QStringList commands = parser.positionalArguments();
    if (!commands.isEmpty()) {
        for (const QString &command : commands)
            ok = driver.run(command) && ok;
        return ok ? 0 : 1;
    }
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return 2;
    while (!input.atEnd()) {
        const QString line = QString::fromUtf8(input.readLine()).trimmed();
        ok = driver.run(line) && ok;
    }
    return ok ? 0 : 1;
}
