// Placeholder: being written now; replaced before anything lands.
#include <QTest>
class Tst_expression : public QObject
{
    Q_OBJECT
};
QTEST_APPLESS_MAIN(Tst_expression)
#include "tst_expression.moc"
