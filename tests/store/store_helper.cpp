// The child process of the store suites. Modes:
//   open PATH DEVICE   opens the store, prints "opened" or "refused: MESSAGE" (exit 2), exits
//   hold PATH DEVICE   opens the store, prints "opened", keeps it open until stdin closes
//   edit PATH DEVICE   edits for ever, printing "saved N" after edit N has returned (the kill
//                      test SIGKILLs it; see editOnce() for the plan of edits)
//   pull PATH DEVICE   applies pulled pages for ever, printing "pulled K" after page K has
//                      returned: page K holds records pK-0 .. pK-99 and the cursor of seq K
#include "store/devicestore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <cstdio>
#include <iostream>
#include <string>

using namespace Qt::StringLiterals;

namespace {

void say(const QString &line)
{
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

/** Edit i of the kill test: every 25th creates record rec-K, the others set field fI = I on one
 * of the records made so far; every 40 edits a batch is taken, and released 20 edits later. */
bool editOnce(gx::DeviceStore &store, int i)
{
    const int made = i / 25;
    if (i % 25 == 0) {
        const auto r =
            store.createRecord(u"survey"_s, QJsonObject{{u"n"_s, i}}, u"rec-%1"_s.arg(made));
        if (!r)
            say(u"error: "_s + r.error().toString());
        return r.ok();
    }
    if (i % 40 == 0)
        (void)store.outbox().takeBatch(10);
    if (i % 40 == 20)
        (void)store.outbox().releaseInFlight();
    const int target = (i * 7) % (made + 1);
    const auto r =
        store.setField(u"survey"_s, u"rec-%1"_s.arg(target), u"f%1"_s.arg(i), QJsonValue(i));
    if (!r)
        say(u"error: "_s + r.error().toString());
    return r.ok();
}

/** Page k of the pull mode. */
gx::PullPage pageOf(int k)
{
    gx::PullPage page;
    for (int j = 0; j < 100; ++j) {
        page.changes.append({u"equipment"_s, u"p%1-%2"_s.arg(k).arg(j), 1, false,
                             QJsonObject{{u"survey"_s, u"s"_s}, {u"n"_s, k * 1000 + j}}});
    }
    page.cursor = gx::PullCursor{k}.encode();
    page.more = true;
    return page;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        say(u"usage: store_helper open|hold|edit PATH DEVICE"_s);
        return 64;
    }
    const QString mode = args.at(1);
    auto opened = gx::DeviceStore::open(args.at(2), args.at(3),
                                        [] { return QDateTime::currentMSecsSinceEpoch(); });
    if (!opened) {
        say(u"refused: "_s + opened.error().message);
        return 2;
    }
    gx::DeviceStore &store = *opened.value();
    say(u"opened"_s);
    if (mode == u"hold"_s) {
        std::string line;
        while (std::getline(std::cin, line)) {
        }
    } else if (mode == u"edit"_s) {
        for (int i = 0;; ++i) {
            if (!editOnce(store, i))
                return 3;
            say(u"saved %1"_s.arg(i));
        }
    } else if (mode == u"pull"_s) {
        for (int k = 1;; ++k) {
            const auto r = store.pull().applyPullPage(pageOf(k));
            if (!r) {
                say(u"error: "_s + r.error().toString());
                return 3;
            }
            say(u"pulled %1"_s.arg(k));
        }
    }
    return 0;
}
