// Placeholder: being written now; replaced before anything lands.
#include <QTest>
class Tst_assets : public QObject
{
    Q_OBJECT
};
QTEST_APPLESS_MAIN(Tst_assets)
#include "tst_assets.moc"
