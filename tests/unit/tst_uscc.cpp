// Placeholder: being written now; replaced before anything lands.
#include <QTest>
class Tst_uscc : public QObject
{
    Q_OBJECT
};
QTEST_APPLESS_MAIN(Tst_uscc)
#include "tst_uscc.moc"
