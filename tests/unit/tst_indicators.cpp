// Placeholder: being written now; replaced before anything lands.
#include <QTest>
class Tst_indicators : public QObject
{
    Q_OBJECT
};
QTEST_APPLESS_MAIN(Tst_indicators)
#include "tst_indicators.moc"
