// Placeholder: being written now; replaced before anything lands.
#include <QTest>
class Tst_syncprotocol : public QObject
{
    Q_OBJECT
};
QTEST_APPLESS_MAIN(Tst_syncprotocol)
#include "tst_syncprotocol.moc"
