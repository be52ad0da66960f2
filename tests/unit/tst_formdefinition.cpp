// Placeholder: being written now; replaced before anything lands.
#include <QTest>
class Tst_formdefinition : public QObject
{
    Q_OBJECT
};
QTEST_APPLESS_MAIN(Tst_formdefinition)
#include "tst_formdefinition.moc"
