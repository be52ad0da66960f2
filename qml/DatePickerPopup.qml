import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A small month calendar (Qt 6.4 has no date picker): MonthGrid with its day-of-week row,
// previous/next month. Dates in and out are "yyyy-MM-dd" text.
Popup {
    id: popup

    property string selectedDate
    property string minimumDate
    property string maximumDate
    // the month shown: the chosen date's, else the latest allowed (e.g. "today"), else now
    property date shown: selectedDate !== "" ? new Date(selectedDate + "T00:00:00")
                         : maximumDate.length === 10 ? new Date(maximumDate + "T00:00:00")
                         : new Date()

    signal picked(string date)

    function move(months) {
        shown = new Date(shown.getFullYear(), shown.getMonth() + months, 1)
    }
    function inRange(text) {
        return (minimumDate === "" || text >= minimumDate)
                && (maximumDate === "" || text <= maximumDate)
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    modal: true
    width: Math.min(parent ? parent.width - 32 : 340, 360)
    padding: 8

    contentItem: ColumnLayout {
        RowLayout {
            Layout.fillWidth: true
            ToolButton {
                text: "‹"
                onClicked: popup.move(-1)
            }
            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("%1-%2").arg(popup.shown.getFullYear())
                                   .arg(popup.shown.getMonth() + 1)
                font.bold: true
            }
            ToolButton {
                text: "›"
                onClicked: popup.move(1)
            }
        }
        DayOfWeekRow {
            Layout.fillWidth: true
            locale: grid.locale
        }
        MonthGrid {
            id: grid
            Layout.fillWidth: true
            month: popup.shown.getMonth()
            year: popup.shown.getFullYear()
            locale: Qt.locale("zh_CN")
            delegate: Label {
                required property var model
                readonly property string iso: Qt.formatDate(model.date, "yyyy-MM-dd")
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                text: model.day
                opacity: model.month === grid.month && popup.inRange(iso) ? 1 : 0.3
                font.bold: iso === popup.selectedDate
                height: 40
            }
            onClicked: date => {
                const iso = Qt.formatDate(date, "yyyy-MM-dd")
                if (popup.inRange(iso)) {
                    popup.picked(iso)
                    popup.close()
                }
            }
        }
    }
}
