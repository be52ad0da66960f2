// Placeholder: being written now; replaced before anything lands.
#include <QTest>
class Tst_hlc : public QObject
{
    Q_OBJECT
};
QTEST_APPLESS_MAIN(Tst_hlc)
#include "tst_hlc.moc"
