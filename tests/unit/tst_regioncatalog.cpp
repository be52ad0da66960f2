// Placeholder: being written now; replaced before anything lands.
#include <QTest>
class Tst_regioncatalog : public QObject
{
    Q_OBJECT
};
QTEST_APPLESS_MAIN(Tst_regioncatalog)
#include "tst_regioncatalog.moc"
