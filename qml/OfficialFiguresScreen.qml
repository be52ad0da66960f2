import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// The statistics bureau's three figures per region and for the city, for the period: the value
// entered so far beside its target, and a form to enter or correct it (the server's refusal is
// shown beside the field).
Page {
    id: page
    property alias figures: figures

    title: qsTr("Official figures")

    OfficialFiguresModel {
        id: figures
        session: Session
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 4

        Label {
            text: qsTr("Figures of %1 from the statistics bureau. Enter growth as a percent (12.5 = 12.5%); the amounts behind it are optional.").arg(figures.period)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Layout.margins: 12
            Layout.bottomMargin: 0
        }
        BusyIndicator {
            running: figures.loading
            visible: running
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            visible: figures.error !== ""
            text: figures.error
            color: "#c62828"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Layout.leftMargin: 12
            Layout.rightMargin: 12
        }
        ListView {
            id: list
            objectName: "figureList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: figures
            spacing: 4
            ScrollBar.vertical: ScrollBar {}
            section.property: "regionName"
            section.delegate: SectionTitle {
                required property string section
                text: section
                width: ListView.view.width - 24
                x: 12
            }
            delegate: OfficialFigureRow {
                width: ListView.view.width
                onSaveRequested: (row, value, current, base) => figures.save(row, value, current, base)
            }
        }
    }
}
