import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Gengxin.App

// Under the header: the survey changed (a sync brought a newer version of the definition), and
// what is new; shown until dismissed, once per version (FormUpdateNotice).
Pane {
    id: banner
    objectName: "formUpdateNotice"
    property alias notice: notice

    visible: notice.shown
    padding: 12
    Material.background: Material.color(Material.LightBlue, Material.Shade50)

    FormUpdateNotice {
        id: notice
        session: Session
    }

    contentItem: RowLayout {
        spacing: 8
        Label {
            objectName: "formUpdateText"
            Layout.fillWidth: true
            text: notice.text
            wrapMode: Text.Wrap
        }
        Button {
            objectName: "formUpdateDismiss"
            flat: true
            text: qsTr("Got it")
            onClicked: notice.dismiss()
        }
    }
}
